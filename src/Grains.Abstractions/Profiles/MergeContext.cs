namespace Upt.Grains;

/// <summary>Why two profiles merge: type (<c>rule</c>, <c>ai</c>, <c>manual</c>) and its evidence.</summary>
[GenerateSerializer, Immutable, Alias("upt.merge-context")]
public sealed record MergeContext(
    [property: Id(0)] string MergeType,
    [property: Id(1)] string? OperatorId = null,
    [property: Id(2)] string? RuleId = null,
    [property: Id(3)] double ConfidenceFactor = 1.0)
{
    /// <summary>A merge asked for by an envelope in <c>merge</c> mode.</summary>
    public static MergeContext ManualFromEnvelope(string sourceId) => new("manual", OperatorId: sourceId);
}
