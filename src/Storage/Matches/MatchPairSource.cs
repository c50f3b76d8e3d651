namespace Upt.Storage;

/// <summary>Where a match pair comes from (column <c>upt_match_pairs.source</c>).</summary>
public enum MatchPairSource
{
    /// <summary>Upt's own continuous matching (<c>ai</c>).</summary>
    Ai,

    /// <summary>A third-party match file (<c>import</c>), e.g. a Customer Profiles matching export.</summary>
    Import,
}
