namespace Upt.Storage;

/// <summary>A stored match pair (<c>upt_match_pairs</c>): one row per pair, <see cref="ProfileA"/> before <see cref="ProfileB"/> in byte order.</summary>
public sealed record MatchPair
{
    /// <summary>The domain.</summary>
    public required string Domain { get; init; }

    /// <summary>The profile id that sorts first.</summary>
    public required string ProfileA { get; init; }

    /// <summary>The profile id that sorts second.</summary>
    public required string ProfileB { get; init; }

    /// <summary>The latest score of the pair.</summary>
    public required double Score { get; init; }

    /// <summary>The differing fields, source values being <see cref="ProfileA"/>'s.</summary>
    public required IReadOnlyList<MatchFieldDiff> Diff { get; init; }

    /// <summary>Who scored the pair last.</summary>
    public required MatchPairSource Source { get; init; }

    /// <summary>An operator said the two are different travellers; kept when the pair is scored again.</summary>
    public required bool FalsePositive { get; init; }

    /// <summary>A merge of the pair (or of a pair sharing a profile) is running.</summary>
    public required bool MergeInProgress { get; init; }

    /// <summary>When the pair was first stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the pair was last scored or marked.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
