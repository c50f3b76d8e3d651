namespace Upt.Matching.Import;

/// <summary>The two third-party match file layouts Upt reads (upt-core §3.11).</summary>
public enum MatchCsvFormat
{
    /// <summary>A Customer Profiles matching export: header <c>MatchingGroupId,ConfidenceScore,ProfileId,&lt;profile fields…&gt;</c>.</summary>
    ProfilesExport,

    /// <summary>Rows <c>profileId,groupId,score</c>, without a header (or with that header).</summary>
    ProfileGroupScore,
}
