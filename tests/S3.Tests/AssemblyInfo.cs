using Upt.TestSupport;

[assembly: AssemblyFixture(typeof(S3rverFixture))]
