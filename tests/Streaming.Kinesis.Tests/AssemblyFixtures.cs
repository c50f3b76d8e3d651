using Upt.TestSupport;

[assembly: AssemblyFixture(typeof(KinesaliteFixture))]
[assembly: AssemblyFixture(typeof(PostgresServerFixture))]
