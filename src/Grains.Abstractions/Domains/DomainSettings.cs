namespace Upt.Grains;

/// <summary>A domain's configuration that ingestion needs on every record.</summary>
[GenerateSerializer, Immutable, Alias("upt.domain-settings")]
public sealed record DomainSettings
{
    /// <summary>Object-type ranks for profile-level field precedence: higher wins; unlisted types rank 0.</summary>
    [Id(0)] public IReadOnlyDictionary<string, int> ObjectTypePriority { get; init; } = new Dictionary<string, int>();

    /// <summary>Days to keep error records.</summary>
    [Id(1)] public int ErrorRetentionDays { get; init; } = 7;
}
