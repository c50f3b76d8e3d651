namespace Upt.Cli.Produce;

/// <summary>What a <see cref="KinesisProducer"/> run did.</summary>
/// <param name="Sent">Records Kinesis accepted.</param>
/// <param name="Failed">Records still rejected after every retry.</param>
/// <param name="Elapsed">Wall time of the run.</param>
internal sealed record ProduceResult(long Sent, long Failed, TimeSpan Elapsed)
{
    /// <summary>The final line of <c>upt produce</c>; other tools parse it, so its shape is fixed.</summary>
    public string SummaryLine() =>
        FormattableString.Invariant($"produce: sent={Sent} failed={Failed} seconds={Elapsed.TotalSeconds:0.###}");
}
