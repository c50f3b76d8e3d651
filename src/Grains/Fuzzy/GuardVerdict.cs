namespace Upt.Grains.Fuzzy;

/// <summary>Whether a pair above the auto-merge threshold may be merged.</summary>
internal enum GuardVerdict
{
    /// <summary>Nothing speaks against the merge.</summary>
    Allowed,

    /// <summary>An operator marked a pair across the two profiles (or what was merged into them) false positive.</summary>
    FalsePositive,

    /// <summary>A profile already merged into one side is clearly a different person from the other side.</summary>
    Chaining,
}
