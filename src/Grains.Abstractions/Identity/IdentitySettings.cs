namespace Upt.Grains;

/// <summary>A domain's guards against over-merging by rules.</summary>
[GenerateSerializer, Immutable, Alias("upt.identity-settings")]
public sealed record IdentitySettings
{
    /// <summary>
    /// A rule-index value shared by more live profiles than this stops linking and is reported: a value that many
    /// people share is a placeholder or a household/agency value, not an identity.
    /// </summary>
    [Id(0)] public int MaxProfilesPerValue { get; init; } = 20;

    /// <summary>Extra placeholder values (beyond the built-in <c>null</c>, <c>none</c>, <c>n/a</c>, ...) that never link profiles.</summary>
    [Id(1)] public IReadOnlyList<string> BlockedValues { get; init; } = [];

    /// <summary>UPT's <c>ruleBaseIdResolutionOn</c>, inverted: when set, the active rule set links nothing (fuzzy matching has its own switch).</summary>
    /// <remarks>
    /// Every switch here defaults to false: grain state is stored as JSON that leaves out default values, so a flag
    /// whose initializer is <c>true</c> would come back <c>true</c> after a restart even when it was saved <c>false</c>.
    /// </remarks>
    [Id(2)] public bool RuleBasedResolutionDisabled { get; init; }
}
