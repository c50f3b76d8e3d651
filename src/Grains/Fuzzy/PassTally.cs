namespace Upt.Grains.Fuzzy;

/// <summary>What matching one or more profiles did; mutated only on the grain's own scheduler.</summary>
internal sealed class PassTally
{
    public int Profiles { get; set; }

    public int Merges { get; set; }

    public int ReviewPairs { get; set; }

    public int Guarded { get; set; }

    public FullPassResult ToResult() => new(Profiles, Merges, ReviewPairs, Guarded);
}
