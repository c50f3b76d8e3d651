using Microsoft.Extensions.Logging;
using Upt.Grains.Ingest;
using Upt.Storage;

namespace Upt.Grains.Batch;

/// <summary>Sending chunks and accounting for them: counts, error sources, bookmarks.</summary>
internal sealed partial class BatchRun
{
    private async Task SendAsync(BatchLane lane, List<BatchChunkItem> items)
    {
        var records = items.Where(i => i.Record is not null).Select(i => i.Record!).ToList();
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        var summary = await IngestAsync(lane, records, errors);

        IReadOnlySet<string> failed = new HashSet<string>();
        if (summary.Errors + errors.Count > 0)
        {
            // Error ids derive from the line's source id (a merge failure adds "/merge"), so the lines that failed are
            // found, and their error records get the file and line, without the pipeline knowing about files.
            var candidates = items.SelectMany(i => new[]
            {
                (RecordDecoder.ErrorId(i.SourceId), i.SourceId),
                (RecordDecoder.ErrorId(i.SourceId + "/merge"), i.SourceId),
            }).ToList();
            failed = await store.TagErrorSourcesAsync(candidates);
        }

        _records += items.Count;
        _errors += failed.Count;
        foreach (var item in items)
        {
            item.File.Outstanding--;
            if (failed.Contains(item.SourceId))
            {
                item.File.Errors++;
            }
        }

        foreach (var file in items.Select(i => i.File).Distinct())
        {
            await TryBookmarkAsync(file);
        }
    }

    private async Task<IngestSummary> IngestAsync(BatchLane lane, List<RawRecord> records, List<ErrorRow> errors)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var ingest = records.Count == 0
                    ? Task.FromResult(new IngestSummary(0, 0, 0, 0, 0))
                    : grains.GetGrain<IIngestGrain>(IngestKeyBase + lane.Index).IngestAsync(records);
                var errorWrite = writer.WriteErrorsAsync(errors);
                await Task.WhenAll(ingest, errorWrite);
                return await ingest;
            }
            catch (Exception ex) when (attempt < options.ChunkAttempts && ex is not OutOfMemoryException)
            {
                // Ingestion is idempotent (object ids, error ids), so sending the chunk again is safe.
                _lastError = $"a chunk failed and was retried: {ex.Message}";
                LogChunkRetry(logger, row.Id, attempt, records.Count + errors.Count, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var first = records.Select(r => r.SourceId).Concat(errors.Select(e => e.Id)).FirstOrDefault();
                throw new BatchRunException($"a chunk of {records.Count + errors.Count} lines (from {first}) failed {attempt} times: {ex.Message}", ex);
            }
        }
    }

    private async Task TryBookmarkAsync(BatchFileProgress file)
    {
        if (!file.IsComplete || file.Bookmarked)
        {
            return;
        }

        // Set before the await: the reader and the lanes' completions interleave on this scheduler.
        file.Bookmarked = true;
        if (_range is not null)
        {
            _filesDone++;
            return;
        }

        await store.SaveBookmarkAsync(new BatchBookmark(row.Domain, row.ObjectType, source.Name, file.File.Path, file.File.Size,
            file.File.Version, file.Lines, file.Errors, row.Id));
        _filesDone++;
    }

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Batch run {RunId}: attempt {Attempt} of a chunk of {Lines} lines failed ({Reason}); retrying")]
    private static partial void LogChunkRetry(ILogger logger, long runId, int attempt, int lines, string reason);
}
