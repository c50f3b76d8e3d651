namespace Upt.Grains;

/// <summary>
/// One step of an interaction's (object record's) lineage: its creation, or a merge on the way from the profile it was
/// ingested for to that profile's current parent.
/// </summary>
/// <param name="Timestamp">When the object was created, or when the merge was recorded.</param>
/// <param name="MergeType"><see cref="InteractionCreated"/> for the creation, else the merge's type (<c>rule</c>, <c>ai</c>, <c>manual</c>).</param>
/// <param name="ConfidenceFactor">The merge's confidence factor; 0 for the creation.</param>
/// <param name="RuleId">The matching rule, for rule merges.</param>
/// <param name="RuleSetVersion">The rule set version, for rule merges.</param>
/// <param name="OperatorId">Who asked for the merge, when known.</param>
/// <param name="ToMergeProfileId">The absorbed profile; for the creation, the profile the object was ingested for (its traveller's original profile).</param>
/// <param name="MergeIntoProfileId">The survivor; null for the creation.</param>
[GenerateSerializer, Immutable, Alias("upt.interaction-history-entry")]
public sealed record InteractionHistoryEntry(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] string MergeType,
    [property: Id(2)] double ConfidenceFactor,
    [property: Id(3)] string? RuleId,
    [property: Id(4)] string? RuleSetVersion,
    [property: Id(5)] string? OperatorId,
    [property: Id(6)] string ToMergeProfileId,
    [property: Id(7)] string? MergeIntoProfileId)
{
    /// <summary>UPT's merge type of the first entry: the interaction was ingested.</summary>
    public const string InteractionCreated = "INTERACTION_CREATED";
}
