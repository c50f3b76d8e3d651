using System.Text;
using Microsoft.Extensions.Logging;
using Upt.Grains.Ingest;
using Upt.Storage;

namespace Upt.Grains.Errors;

/// <summary>Retries: scheduling with backoff, one attempt at a time, each counted on the record before it runs.</summary>
internal sealed partial class ErrorMaintenanceGrain
{
    private IGrainTimer? _timer;
    private DateTimeOffset _timerDue;

    public async ValueTask<ErrorRetryOutcome?> RetryAsync(string errorId, CancellationToken cancellationToken = default)
    {
        var row = await errors.GetAsync(Domain, errorId, cancellationToken);
        return row is null ? null : (await AttemptAsync(row, cancellationToken)).Outcome;
    }

    /// <summary>Schedules new retryable records, attempts the due ones and arms the timer for the next.</summary>
    private async Task<MaintenancePass> RetryDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await errors.ListRetryCandidatesAsync(Domain, RetryableCategories.All, Options.MaxAttempts, Options.RetryBatch, cancellationToken);
        var (attempted, succeeded, exhausted) = (0, 0, 0);
        DateTimeOffset? earliest = null;
        foreach (var candidate in candidates)
        {
            var due = candidate.NextAttemptAt;
            if (!candidate.Scheduled)
            {
                due = now + Backoff(candidate.RetryCount + 1);
                await errors.ScheduleAsync(Domain, candidate.Id, candidate.RetryCount, due.Value, now + Options.LedgerTtl, cancellationToken);
            }

            if (due > clock.GetUtcNow())
            {
                earliest = earliest is null || due < earliest ? due : earliest;
                continue;
            }

            if (await errors.GetAsync(Domain, candidate.Id, cancellationToken) is not { } row)
            {
                continue;
            }

            var (outcome, next) = await AttemptAsync(row, cancellationToken);
            attempted++;
            succeeded += outcome.Succeeded ? 1 : 0;
            if (!outcome.Succeeded && next is null)
            {
                exhausted++;
            }
            else if (!outcome.Succeeded)
            {
                earliest = earliest is null || next < earliest ? next : earliest;
            }
        }

        Arm(earliest);
        return new MaintenancePass(0, attempted, succeeded, exhausted);
    }

    /// <summary>One attempt; when it failed, also when the next one is due (null: none left).</summary>
    private async Task<(ErrorRetryOutcome Outcome, DateTimeOffset? Next)> AttemptAsync(ErrorRow row, CancellationToken cancellationToken)
    {
        var attempt = row.RetryCount + 1;
        var now = clock.GetUtcNow();
        DateTimeOffset? nextIfFailed = attempt < Options.MaxAttempts && RetryableCategories.Contains(row.Category) ? now + Backoff(attempt + 1) : null;
        await errors.RecordAttemptAsync(Domain, row.Id, attempt, now, nextIfFailed, now + Options.LedgerTtl, cancellationToken);

        var failure = await ResubmitAsync(row, cancellationToken);
        if (failure is null)
        {
            await errors.DeleteAsync(Domain, [row.Id], cancellationToken);
            ErrorRetryMetrics.Attempts.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
            LogSucceeded(logger, attempt);
            return (new ErrorRetryOutcome(row.Id, attempt, true, ""), null);
        }

        await errors.RecordFailureAsync(Domain, row.Id, failure, cancellationToken);
        ErrorRetryMetrics.Attempts.Add(1, new KeyValuePair<string, object?>("outcome", nextIfFailed is null ? "exhausted" : "failed"));
        LogFailed(logger, attempt, Options.MaxAttempts, nextIfFailed is null);
        return (new ErrorRetryOutcome(row.Id, attempt, false, failure), nextIfFailed);
    }

    /// <summary>Null when the pipeline took the record; else why not (kept in the ledger, never logged: it may quote the data).</summary>
    private async Task<string?> ResubmitAsync(ErrorRow row, CancellationToken cancellationToken)
    {
        var data = row.Raw.StartsWith("base64:", StringComparison.Ordinal) ? Convert.FromBase64String(row.Raw["base64:".Length..]) : Encoding.UTF8.GetBytes(row.Raw);
        if (EnvelopeDomain.Peek(data) != Domain)
        {
            return $"the raw record is not an envelope of domain {Domain}";
        }

        // One source id per original record: the error records a failed attempt writes get known ids, and are folded
        // back into the original record (its count and the ledger's reason) instead of piling up as new records.
        var sourceId = $"retry/{row.Id}";
        IngestSummary summary;
        try
        {
            summary = await resubmitter.ResubmitAsync(new RawRecord(sourceId, data, row.CreatedAt), cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }

        if (summary.Errors == 0)
        {
            return null;
        }

        var ids = new[] { RecordDecoder.ErrorId(sourceId), RecordDecoder.ErrorId(sourceId + "/merge") };
        var messages = new List<string>();
        foreach (var id in ids)
        {
            if (await errors.GetAsync(Domain, id, cancellationToken) is { } again)
            {
                messages.Add($"{again.Category}: {again.Message}");
            }
        }

        await errors.DeleteAsync(Domain, ids, cancellationToken);
        return messages.Count > 0 ? string.Join("; ", messages) : "the record was rejected again";
    }

    /// <summary>A one-shot timer for the earliest due attempt, unless one fires sooner already; passes re-arm it after a restart.</summary>
    private void Arm(DateTimeOffset? due)
    {
        if (due is null || (_timer is not null && _timerDue <= due))
        {
            return;
        }

        _timer?.Dispose();
        _timerDue = due.Value;
        var wait = due.Value - clock.GetUtcNow();
        _timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions
        {
            DueTime = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        await RetryDueAsync(cancellationToken);
    }

    private TimeSpan Backoff(int attempt) => RetryBackoff.Delay(attempt, Options.BaseDelay, Options.MaxDelay, Random.Shared.NextDouble());

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Error record retry: attempt {Attempt} succeeded")]
    private static partial void LogSucceeded(ILogger logger, int attempt);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Error record retry: attempt {Attempt} of {Max} failed; last attempt: {Exhausted}")]
    private static partial void LogFailed(ILogger logger, int attempt, int max, bool exhausted);
}
