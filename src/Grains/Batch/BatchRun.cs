using Microsoft.Extensions.Logging;
using Upt.Batch;
using Upt.Batch.Lines;
using Upt.Batch.Sources;
using Upt.Grains.Ingest;
using Upt.Storage;
using Upt.Transforms;

namespace Upt.Grains.Batch;

/// <summary>
/// One run of a batch job: lists the source, skips bookmarked files, and feeds every line of the others to the ingest
/// pipeline (the same decode, transforms, identity resolution and grains as Kinesis) in chunks. Runs on the job grain's
/// scheduler, so its counters need no locks.
/// </summary>
/// <remarks>
/// Ordering: files are read one after the other (by day, then name) and their lines in order. Each line goes to one of
/// <see cref="BatchOptions.Lanes"/> lanes by its main traveller id (the same key a producer would put on Kinesis), and a
/// lane sends its next chunk only after the previous one is durable. So two lines of one traveller key are applied in
/// file order, across files and days; lines of different keys may be applied in any order. As with Kinesis, an object
/// that names other travellers too (a booking's companions) is ordered by its main traveller only.
/// </remarks>
internal sealed partial class BatchRun(
    BatchRunRow row,
    IBatchSource source,
    BatchOptions options,
    BatchStore store,
    GroupCommitWriter writer,
    IGrainFactory grains,
    ILogger logger)
{
    // Each lane calls its own stateless-worker key: one key's activations are few and not reentrant, so lanes sharing
    // a key would wait for each other.
    private const long IngestKeyBase = 0xBA7C_0000;

    private readonly string? _jobType = row.ObjectType == BatchJobs.AllTypes ? null : row.ObjectType;

    /// <summary>The time range of a replay run, which neither reads nor writes bookmarks; null for an ordinary run.</summary>
    private readonly BatchTimeRange? _range = row.RangeFrom is { } from && row.RangeTo is { } to ? new BatchTimeRange(from, to) : null;

    public long RunId => row.Id;

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var listing = await source.ListAsync(row.Domain, cancellationToken);
        _filesIgnored = listing.Ignored.Count;
        if (listing.Ignored.Count > 0)
        {
            LogIgnored(logger, row.Id, listing.Ignored.Count, string.Join(", ", listing.Ignored.Take(5)));
        }

        // A replay re-reads its days every time and leaves no bookmarks: an ordinary run must still ingest files a
        // replay has read (partly, when lines were outside its range).
        var files = _range is null ? listing.Files : listing.Files.Where(f => f.Date >= _range.FirstDay && f.Date <= _range.LastDay).ToList();
        var bookmarks = _range is null
            ? await store.GetBookmarksAsync(row.Domain, row.ObjectType, source.Name, cancellationToken)
            : new Dictionary<string, BatchBookmark>();
        var work = new List<BatchFile>();
        foreach (var file in files)
        {
            var rerun = row.FromDate is { } from && file.Date >= from;
            if (!rerun && bookmarks.TryGetValue(file.Path, out var done) && done.Size == file.Size && done.Version == file.Version)
            {
                _filesSkipped++;
            }
            else
            {
                work.Add(file);
            }
        }

        _filesTotal = files.Count;
        _bytesTotal = work.Sum(f => f.Size);
        LogListed(logger, row.Id, _filesTotal, work.Count, _filesSkipped);

        var lanes = Enumerable.Range(0, options.Lanes).Select(i => new BatchLane(i)).ToArray();
        try
        {
            long bytesBefore = 0;
            foreach (var file in work)
            {
                var progress = new BatchFileProgress(file);
                await foreach (var line in source.ReadLinesAsync(file, options.MaxLineBytes, cancellationToken))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var item = Read(progress, line);
                    if (item is null)
                    {
                        _linesSkipped++;
                        _bytesDone = bytesBefore + line.Position;
                        continue;
                    }

                    progress.Outstanding++;
                    progress.Lines++;
                    var lane = lanes[LaneOf(item.PartitionKey)];
                    lane.Add(item);
                    if (lane.Count >= options.ChunkSize)
                    {
                        await lane.FlushAsync(SendAsync);
                    }

                    _bytesDone = bytesBefore + line.Position;
                }

                progress.ReadDone = true;
                bytesBefore += file.Size;
                _bytesDone = bytesBefore;
                await TryBookmarkAsync(progress);
            }

            foreach (var lane in lanes)
            {
                await lane.DrainAsync(SendAsync);
            }
        }
        finally
        {
            // Whatever happened, no chunk may still be running once the run reports its outcome.
            foreach (var lane in lanes)
            {
                try
                {
                    await lane.InFlight;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Already failing: the first error is the one reported.
                }
            }
        }
    }

    /// <summary>The line as a chunk item; null for a replay's line whose timestamp lies outside the range.</summary>
    private BatchChunkItem? Read(BatchFileProgress file, BatchLine line)
    {
        var sourceId = $"batch/{source.Name}/{file.File.Path}#L{line.Number}";
        var parsed = BatchLineParser.Parse(line, new LineContext(row.Domain, _jobType, file.File.Date, sourceId));
        if (_range is not null && parsed.Timestamp is { } timestamp && !_range.Contains(timestamp))
        {
            return null;
        }

        if (parsed.IsError)
        {
            var error = new ErrorRow(RecordDecoder.ErrorId(sourceId), row.Domain, TransformErrorCategories.TransformerException, parsed.Error!,
                parsed.ObjectType, null, null, LineText.Of(line.Data), row.StartedAt);
            return new BatchChunkItem(file, sourceId, parsed.PartitionKey, null, error);
        }

        // Arrival time = the run's start: used for nothing but error records, since every envelope carries a timestamp.
        return new BatchChunkItem(file, sourceId, parsed.PartitionKey, new RawRecord(sourceId, parsed.Envelope!, row.StartedAt), null);
    }

    private int LaneOf(string key)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)options.Lanes);
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Batch run {RunId}: {Total} files, {Work} to ingest, {Skipped} already ingested")]
    private static partial void LogListed(ILogger logger, long runId, int total, int work, int skipped);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Batch run {RunId}: ignored {Count} paths that are not {{domain}}/YYYY/MM/DD/*.jsonl, e.g. {Examples}")]
    private static partial void LogIgnored(ILogger logger, long runId, int count, string examples);
}
