namespace Upt.Grains;

/// <summary>What a full fuzzy-matching pass did.</summary>
/// <param name="Profiles">Live profiles offered.</param>
/// <param name="Merges">Pairs merged automatically (type <c>ai</c>).</param>
/// <param name="ReviewPairs">Pairs stored (or refreshed) for review.</param>
/// <param name="Guarded">Pairs that scored above the auto-merge threshold but were not merged: the chaining guard or an operator's false-positive mark held them back.</param>
[GenerateSerializer, Immutable, Alias("upt.full-pass-result")]
public sealed record FullPassResult(
    [property: Id(0)] int Profiles,
    [property: Id(1)] int Merges,
    [property: Id(2)] int ReviewPairs,
    [property: Id(3)] int Guarded);
