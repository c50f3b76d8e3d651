namespace Upt.Cli.Bench;

/// <summary>The bench cannot give trustworthy figures (wrong counts, error records, a probe setup that failed).</summary>
internal sealed class BenchFailedException(string message) : Exception(message);
