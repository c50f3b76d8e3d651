using Upt.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(KinesaliteFixture))]
