namespace Upt.Grains;

/// <summary>
/// Where a privacy search looks (the keys of <c>locationResults</c>). UPT searched three: its Parquet export (<c>S3</c>),
/// <see cref="ProfileStorage"/> and <see cref="Matches"/>; Upt keeps no export, and searches every other store it keeps.
/// </summary>
public static class PrivacyLocationTypes
{
    /// <summary>The profile, the profiles merged into it, its travellers and objects.</summary>
    public const string ProfileStorage = "Profile Storage";

    /// <summary>Search lookups (email, phone, loyalty id, last name) and identity-resolution rule-index entries.</summary>
    public const string IdentityIndex = "Identity Index";

    /// <summary>Merge, unmerge and delete history rows and negative links (unmerge blocks).</summary>
    public const string MergeHistory = "Merge History";

    /// <summary>AI match pairs awaiting review (UPT's name).</summary>
    public const string Matches = "Entity Resolution Matches";

    /// <summary>Fuzzy-matching block memberships.</summary>
    public const string MatchBlocks = "Fuzzy Match Blocks";

    /// <summary>Error records whose traveller or raw payload names the subject.</summary>
    public const string ErrorRecords = "Error Records";

    /// <summary>Lines of the raw backup of consumed Kinesis records that name the subject.</summary>
    public const string RawBackup = "Raw Backup";

    /// <summary>Every type, in the order a purge handles them.</summary>
    public static IReadOnlyList<string> All { get; } = [MatchBlocks, Matches, ProfileStorage, IdentityIndex, MergeHistory, ErrorRecords, RawBackup];
}
