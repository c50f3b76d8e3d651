namespace Upt.Grains;

/// <summary>
/// Why two profiles merge: type (<c>rule</c>, <c>ai</c>, <c>manual</c>) and its evidence — the rule index and
/// rule-set version for rules, the score for AI matches, the operator for manual merges.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.merge-context")]
public sealed record MergeContext(
    [property: Id(0)] string MergeType,
    [property: Id(1)] string? OperatorId = null,
    [property: Id(2)] string? RuleId = null,
    [property: Id(3)] double ConfidenceFactor = 1.0)
{
    /// <summary>The active rule set's version, for rule merges.</summary>
    [Id(4)] public string? RuleSetVersion { get; init; }

    /// <summary>The match score, for AI merges.</summary>
    [Id(5)] public double? Score { get; init; }

    /// <summary>The rule-index keys that linked the two profiles, for rule merges (kept so an unmerge can block the same evidence).</summary>
    [Id(6)] public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>A merge asked for by an envelope in <c>merge</c> mode.</summary>
    public static MergeContext ManualFromEnvelope(string sourceId) => new("manual", OperatorId: sourceId);

    /// <summary>A merge found by rule <paramref name="ruleIndex"/> of rule-set version <paramref name="version"/>.</summary>
    public static MergeContext FromRule(int ruleIndex, int version, IReadOnlyList<string> evidence) =>
        new("rule", RuleId: ruleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            RuleSetVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Evidence = evidence,
        };

    /// <summary>An automatic merge of a fuzzy match pair scoring <paramref name="score"/>.</summary>
    public static MergeContext FromMatch(double score) => new("ai", ConfidenceFactor: score) { Score = score };
}
