namespace Upt.Cli.Bench;

/// <summary>
/// A clock stuck at the envelope's timestamp, as the silo's decoder uses, so the bench's transforms give the
/// same rows (and keys) as the pipeline does.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
