namespace Upt.Grains;

/// <summary>
/// UPT's <c>matchConfig</c>: the auto-merge threshold (0.00–0.99) and whether auto-merge is on. It is a view of
/// <see cref="FuzzyMatchSettings.AutoMergeThreshold"/> and <see cref="FuzzyMatchSettings.AutoMergeDisabled"/>, not a
/// setting of its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.match-config")]
public sealed record MatchConfig(
    [property: Id(0)] double Value,
    [property: Id(1)] bool IsActive)
{
    /// <summary>Lowest threshold UPT's slider offers.</summary>
    public const double MinThreshold = 0.0;

    /// <summary>Highest threshold UPT's slider offers.</summary>
    public const double MaxThreshold = 0.99;

    /// <summary>True when <see cref="Value"/> is within <see cref="MinThreshold"/>..<see cref="MaxThreshold"/>.</summary>
    public bool IsInRange => Value is >= MinThreshold and <= MaxThreshold;
}
