namespace Upt.Api.Tests.Privacy;

/// <summary>Test classes in this collection share one <see cref="PrivacyClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PrivacyClusterCollection : ICollectionFixture<PrivacyClusterFixture>
{
    public const string Name = "Privacy cluster";
}
