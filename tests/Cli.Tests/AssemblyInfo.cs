using Upt.TestSupport;

[assembly: AssemblyFixture(typeof(KinesaliteFixture))]
