namespace Upt.Storage;

/// <summary>Why a profile was absorbed: the merge history row written with the re-point.</summary>
/// <param name="MergeType"><see cref="MergeTypes.Rule"/>, <see cref="MergeTypes.Ai"/> or <see cref="MergeTypes.Manual"/>.</param>
/// <param name="ConfidenceFactor">1 for rules and manual merges, the match score for AI merges.</param>
/// <param name="RuleId">The rule that matched, for rule merges.</param>
/// <param name="RuleSetVersion">The version of the rule set that matched, for rule merges.</param>
/// <param name="OperatorId">Who asked for it, for manual and reviewed merges (an id, never a name or e-mail).</param>
/// <param name="Score">The match score, when there was one.</param>
/// <param name="ContextJson">Any further context as a JSON document, or null.</param>
public sealed record MergeRecord(
    string MergeType,
    double ConfidenceFactor = 1.0,
    string? RuleId = null,
    string? RuleSetVersion = null,
    string? OperatorId = null,
    double? Score = null,
    string? ContextJson = null)
{
    /// <summary>The merge type, checked here so that a wrong one fails its caller, not a whole group commit.</summary>
    public string MergeType { get; init; } = MergeTypes.IsMerge(MergeType)
        ? MergeType
        : throw new ArgumentException($"Merge type must be rule, ai or manual, not '{MergeType}'", nameof(MergeType));
}
