namespace Upt.Cli.Bench;

/// <summary>Per-call times of ingesting objects one by one into one growing profile.</summary>
internal sealed record NthObjectResult(IReadOnlyList<double> CallMs)
{
    /// <summary>Calls at each end whose median is compared.</summary>
    public const int Window = 20;

    /// <summary>Median of the first <see cref="Window"/> calls.</summary>
    public double FirstMs => Percentiles.Median(CallMs.Take(Window).ToList());

    /// <summary>Median of the last <see cref="Window"/> calls.</summary>
    public double LastMs => Percentiles.Median(CallMs.Skip(Math.Max(0, CallMs.Count - Window)).ToList());

    /// <summary>Median per block of <paramref name="size"/> consecutive calls: shows whether the cost climbs steadily or jumps.</summary>
    public IReadOnlyList<double> BlockMedians(int size = 100) =>
        CallMs.Chunk(size).Select(block => Percentiles.Median(block)).ToList();

    /// <summary>cost(last) / cost(first): 1 means the n-th object costs what the first did.</summary>
    public double Cost => FirstMs > 0 ? LastMs / FirstMs : 0;
}
