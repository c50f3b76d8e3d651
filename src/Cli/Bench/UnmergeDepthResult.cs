namespace Upt.Cli.Bench;

/// <summary>What <see cref="UnmergeDepthPhase"/> measured: building the chain, and the one unmerge at its full depth.</summary>
internal sealed record UnmergeDepthResult(int Depth, TimeSpan BuildTime, TimeSpan UnmergeTime, int MovedTravellers);
