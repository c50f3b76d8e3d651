namespace Upt.Grains;

/// <summary>
/// The async use cases an event id can belong to (UPT's <c>item_id</c>), by UPT's names. <c>GET /api/ucp/async</c>
/// accepts exactly these; unlike UPT it accepts <see cref="StartBatchIdRes"/> (the re-resolution after a rule-set
/// activation), and it leaves out <c>rebuildCache</c>, which Upt has no caches for.
/// </summary>
public static class AsyncUseCases
{
    public const string CreateDomain = "createDomain";
    public const string DeleteDomain = "deleteDomain";
    public const string EmptyTable = "emptyTable";
    public const string MergeProfiles = "mergeProfiles";
    public const string UnmergeProfiles = "unmergeProfiles";
    public const string CreatePrivacySearch = "createPrivacySearch";
    public const string PurgeProfileData = "purgeProfileData";
    public const string StartBatchIdRes = "startBatchIdRes";

    /// <summary>Every known use case, in UPT's order (startBatchIdRes last).</summary>
    public static IReadOnlyList<string> All { get; } =
        [CreateDomain, DeleteDomain, EmptyTable, MergeProfiles, UnmergeProfiles, CreatePrivacySearch, PurgeProfileData, StartBatchIdRes];

    /// <summary>True when <paramref name="useCase"/> is one of <see cref="All"/> (case-sensitive, as UPT compares).</summary>
    public static bool IsKnown(string? useCase) => useCase is not null && All.Contains(useCase, StringComparer.Ordinal);
}
