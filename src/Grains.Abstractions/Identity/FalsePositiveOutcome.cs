namespace Upt.Grains;

/// <summary>What marking a pair false positive did.</summary>
[GenerateSerializer, Alias("upt.false-positive-outcome")]
public enum FalsePositiveOutcome
{
    /// <summary>The pair is marked.</summary>
    Marked,

    /// <summary>One of the profiles does not exist: nothing was marked.</summary>
    ProfileNotFound,

    /// <summary>The two ids are one profile (merged already): nothing was marked; an unmerge separates them.</summary>
    SameProfile,
}
