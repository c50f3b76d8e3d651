using Upt.Batch.Lines;

namespace Upt.Batch.Sources;

/// <summary>Where batch files come from: a local folder or an S3-compatible bucket (prefix).</summary>
public interface IBatchSource
{
    /// <summary>The source as text, normalised (absolute folder path or <c>s3://bucket[/prefix]</c>, no trailing '/'); bookmarks are kept per name.</summary>
    string Name { get; }

    /// <summary>A cheap reachability check before a job starts: null when the source can be read, else what is wrong.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>The batch files under <c>{domain}/</c>, in ingestion order, and the other paths found there.</summary>
    Task<BatchListing> ListAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Streams the lines of <paramref name="file"/> (never the whole file at once); blank lines are skipped but counted.</summary>
    IAsyncEnumerable<BatchLine> ReadLinesAsync(BatchFile file, int maxLineBytes, CancellationToken cancellationToken = default);
}
