namespace Upt.Grains;

/// <summary>What a block answered to an offered profile.</summary>
/// <param name="Matches">The other live members scoring at least the asked minimum, best first.</param>
/// <param name="Members">Members the block holds after the offer.</param>
/// <param name="Oversized">The block has more members than the size limit, so nothing was compared.</param>
[GenerateSerializer, Immutable, Alias("upt.block-offer")]
public sealed record BlockOffer(
    [property: Id(0)] IReadOnlyList<BlockMatch> Matches,
    [property: Id(1)] int Members,
    [property: Id(2)] bool Oversized);
