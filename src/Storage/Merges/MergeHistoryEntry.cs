namespace Upt.Storage;

/// <summary>One row of the merge history, as read back.</summary>
/// <param name="Id">Increasing with insertion order within the database.</param>
/// <param name="MergeType">One of <see cref="MergeTypes"/>.</param>
/// <param name="AbsorbedProfileId">The absorbed profile (merge), the profile taken out (unmerge) or the deleted profile (delete).</param>
/// <param name="SurvivorProfileId">The survivor (merge), the profile left (unmerge); null for a delete.</param>
/// <param name="ConfidenceFactor">The merge's confidence factor (1 for unmerge and delete rows).</param>
/// <param name="RuleId">The matching rule, for rule merges.</param>
/// <param name="RuleSetVersion">The rule set version, for rule merges.</param>
/// <param name="OperatorId">Who asked for it, when known.</param>
/// <param name="Score">The match score, when there was one.</param>
/// <param name="ContextJson">Further context as JSON, or null.</param>
/// <param name="At">When it was recorded (transaction time).</param>
public sealed record MergeHistoryEntry(
    long Id,
    string MergeType,
    string AbsorbedProfileId,
    string? SurvivorProfileId,
    double ConfidenceFactor,
    string? RuleId,
    string? RuleSetVersion,
    string? OperatorId,
    double? Score,
    string? ContextJson,
    DateTimeOffset At);
