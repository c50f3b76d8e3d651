using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upt.Batch.Sources;
using Upt.Storage;
using Upt.Transforms.Records;

namespace Upt.Grains.Batch;

/// <summary>
/// A batch job (key <c>{domain}/{objectType|*}</c>). A run executes on a background task of this activation, so it goes
/// on after the API or CLI call that started it has returned; the activation is kept alive until the run ends. Progress
/// and a heartbeat go to <c>upt_batch_runs</c> every few seconds, so a run whose silo died is reported FAILED.
/// </summary>
[GrainType("batch-job")]
internal sealed partial class BatchJobGrain(
    BatchStore store,
    BatchSourceFactory sources,
    GroupCommitWriter writer,
    IOptions<BatchOptions> options,
    TimeProvider clock,
    ILogger<BatchJobGrain> logger) : Grain, IBatchJobGrain
{
    private static readonly TimeSpan SourceCheckTimeout = TimeSpan.FromSeconds(15);

    private BatchRun? _run;
    private Task? _running;
    private CancellationTokenSource? _stop;
    private IGrainTimer? _heartbeat;
    private string? _stopReason;

    private bool IsRunning => _running is { IsCompleted: false };

    public async ValueTask<BatchStartResult> StartAsync(BatchJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (domain, objectType) = GrainKeys.ParseBatchJob(this.GetPrimaryKeyString());
        if (IsRunning)
        {
            return AlreadyRunning(_run!.Snapshot());
        }

        if (objectType != BatchJobs.AllTypes && !BusinessObjectTypes.IsKnown(objectType))
        {
            return new BatchStartResult(BatchStartOutcome.Invalid, $"unknown object type '{objectType}'", null);
        }

        if (await GrainFactory.GetGrain<IDomainGrain>(GrainKeys.Domain(domain)).GetSettingsAsync(cancellationToken) is null)
        {
            return new BatchStartResult(BatchStartOutcome.DomainNotFound, $"domain {domain} not found", null);
        }

        if (request.Range is { } range && (range.From > range.To || request.From is not null))
        {
            return new BatchStartResult(BatchStartOutcome.Invalid,
                request.From is not null ? "a replay range and a from day cannot be combined" : "the range's from is after its to", null);
        }

        var text = request.Source ?? options.Value.DefaultSource;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new BatchStartResult(BatchStartOutcome.Invalid, "source is required (s3://bucket[/prefix] or an absolute folder path on the silo); no Batch:DefaultSource is configured", null);
        }

        if (!sources.TryCreate(text, out var source, out var error))
        {
            return new BatchStartResult(BatchStartOutcome.Invalid, error, null);
        }

        // A missing folder or bucket, or refused credentials, are answered now rather than as a failed run; bounded well
        // inside the caller's grain-call timeout.
        using (var check = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            check.CancelAfter(SourceCheckTimeout);
            if (await source.CheckAsync(check.Token) is { } problem)
            {
                return new BatchStartResult(BatchStartOutcome.Invalid, problem, null);
            }
        }

        var row = await store.StartRunAsync(domain, objectType, source.Name, request.From, request.Range?.From, request.Range?.To, options.Value.StaleAfter, cancellationToken);
        if (row is null)
        {
            // Another activation (on a silo that is partitioned away or has just died) still holds a live run.
            var live = await store.GetLatestRunAsync(domain, objectType, options.Value.StaleAfter, cancellationToken);
            return AlreadyRunning(live is null ? null : BatchRun.ToStatus(live));
        }

        _run = new BatchRun(row, source, options.Value, store, writer, GrainFactory, logger);
        _stop = new CancellationTokenSource();
        _stopReason = null;
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        var beat = options.Value.HeartbeatInterval;
        _heartbeat = this.RegisterGrainTimer(HeartbeatAsync, new GrainTimerCreationOptions { DueTime = beat, Period = beat });
        LogStarted(logger, row.Id, domain, objectType);
        _running = RunAsync(_run, _stop.Token);
        return new BatchStartResult(BatchStartOutcome.Started, "", _run.Snapshot());
    }

    public async ValueTask<BatchJobStatus?> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return _run!.Snapshot();
        }

        var (domain, objectType) = GrainKeys.ParseBatchJob(this.GetPrimaryKeyString());
        var latest = await store.GetLatestRunAsync(domain, objectType, options.Value.StaleAfter, cancellationToken);
        return latest is null ? null : BatchRun.ToStatus(latest);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            _stopReason = reason.Description;
            await _stop!.CancelAsync();
            try
            {
                await _running!.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Out of time: the run row's heartbeat stops, so the run is reported FAILED after Batch:StaleAfter.
            }
        }
    }

    private async Task RunAsync(BatchRun run, CancellationToken cancellationToken)
    {
        try
        {
            await run.ExecuteAsync(cancellationToken);
            run.Finish(true, null, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Finish(false, $"stopped before the end ({_stopReason}); run the job again to continue (finished files are bookmarked)", clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, run.RunId, ex);
            run.Finish(false, ex.Message, clock.GetUtcNow());
        }
        finally
        {
            _heartbeat?.Dispose();
            _heartbeat = null;
        }

        await WriteOutcomeAsync(run);
        var status = run.Snapshot();
        LogFinished(logger, run.RunId, status.State, status.Records, status.Errors);
        DelayDeactivation(TimeSpan.Zero);
    }

    private async Task WriteOutcomeAsync(BatchRun run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.FinishRunAsync(run.ToRow());
                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is not OutOfMemoryException)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The row stays RUNNING without heartbeats, so it is reported FAILED after Batch:StaleAfter.
                LogOutcomeLost(logger, run.RunId, ex);
                return;
            }
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        if (_run is null || !IsRunning)
        {
            return;
        }

        try
        {
            await store.UpdateRunAsync(_run.ToRow(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogHeartbeatFailed(logger, _run.RunId, ex.Message);
        }
    }

    private static BatchStartResult AlreadyRunning(BatchJobStatus? status) => new(
        BatchStartOutcome.AlreadyRunning,
        status is null ? "the job is already running" : $"the job is already running (run {status.RunId}, started {status.StartedAt:u})",
        status);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "Batch run {RunId} of {Domain}/{ObjectType} started")]
    private static partial void LogStarted(ILogger logger, long runId, string domain, string objectType);

    [LoggerMessage(EventId = 604, Level = LogLevel.Information, Message = "Batch run {RunId} ended {State}: {Records} lines, {Errors} errors")]
    private static partial void LogFinished(ILogger logger, long runId, BatchRunState state, long records, long errors);

    [LoggerMessage(EventId = 605, Level = LogLevel.Error, Message = "Batch run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, long runId, Exception exception);

    [LoggerMessage(EventId = 606, Level = LogLevel.Warning, Message = "Batch run {RunId}: writing the heartbeat failed ({Reason})")]
    private static partial void LogHeartbeatFailed(ILogger logger, long runId, string reason);

    [LoggerMessage(EventId = 607, Level = LogLevel.Error, Message = "Batch run {RunId}: its outcome could not be written; it will be reported FAILED")]
    private static partial void LogOutcomeLost(ILogger logger, long runId, Exception exception);
}
