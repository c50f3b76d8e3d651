namespace Upt.Api.Tests;

/// <summary>Test classes in this collection share one <see cref="AuthClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AuthClusterCollection : ICollectionFixture<AuthClusterFixture>
{
    public const string Name = "Auth cluster";
}
