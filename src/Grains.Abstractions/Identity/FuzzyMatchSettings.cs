namespace Upt.Grains;

/// <summary>A domain's fuzzy-matching settings (UPT's <c>matchConfig</c>: threshold and whether auto-merge is on).</summary>
[GenerateSerializer, Immutable, Alias("upt.fuzzy-settings")]
public sealed record FuzzyMatchSettings
{
    /// <summary>Whether profiles are compared as they change.</summary>
    [Id(0)] public bool Enabled { get; init; } = true;

    /// <summary>Whether pairs at or above <see cref="AutoMergeThreshold"/> are merged (type <c>ai</c>, factor = score).</summary>
    [Id(1)] public bool AutoMerge { get; init; } = true;

    /// <summary>Pairs scoring at least this are merged automatically when <see cref="AutoMerge"/> is on.</summary>
    [Id(2)] public double AutoMergeThreshold { get; init; } = 0.99;

    /// <summary>Pairs scoring at least this (and below the auto-merge threshold) are stored for review.</summary>
    [Id(3)] public double ReviewThreshold { get; init; } = 0.5;
}
