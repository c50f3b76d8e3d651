using Upt.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresServerFixture))]
