namespace Upt.Storage;

/// <summary>Who asks for an unmerge and the evidence that had linked the two profiles.</summary>
/// <param name="Evidence">
/// The rule or index keys that had linked the pair; stored as a negative link so the rule engine does not
/// merge them again on that evidence (see <see cref="MergeHistoryStore.IsBlockedAsync"/>).
/// </param>
/// <param name="OperatorId">Who asked for it (an id, never a name or e-mail), or null.</param>
/// <param name="ContextJson">Further context as JSON for the history row, or null.</param>
public sealed record UnmergeContext(IReadOnlyList<string> Evidence, string? OperatorId = null, string? ContextJson = null);
