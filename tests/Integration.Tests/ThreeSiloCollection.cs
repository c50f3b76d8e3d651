namespace Upt.Integration.Tests;

/// <summary>
/// The three-silo tests share a collection so their clusters (three silos, an API, a private PostgreSQL and
/// kinesalite each) never run at the same time: two at once, next to the other test projects, overloaded CI machines.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ThreeSiloCollection
{
    public const string Name = "three-silo clusters";
}
