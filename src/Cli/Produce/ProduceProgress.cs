namespace Upt.Cli.Produce;

/// <summary>Counters of a running <see cref="KinesisProducer"/>, safe to read from another thread.</summary>
internal sealed class ProduceProgress
{
    private long _sent;
    private long _failed;

    /// <summary>Records accepted so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Records given up on so far.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    internal void AddSent(long count) => Interlocked.Add(ref _sent, count);

    internal void AddFailed(long count) => Interlocked.Add(ref _failed, count);
}
