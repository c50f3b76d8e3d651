using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upt.Grains.Changes;

namespace Upt.Grains.Jobs;

/// <summary>
/// One async event and, while it runs, its job. The job runs on a background task of this activation, which stays
/// alive meanwhile; Orleans keeps one activation per event, so a stored event that is still invoked or running and that
/// this activation does not run was being run by an activation that is gone with its silo: it is reported (and stored)
/// failed at once, without waiting for a timeout. A silo that shuts down cleanly stops its jobs and stores them failed.
/// A <see cref="AsyncUseCases.StartBatchIdRes"/> event runs no job of its own: it follows the domain's
/// <see cref="IResolutionJobGrain"/>, asked on every read and by a timer while it runs.
/// </summary>
[GrainType("async-event")]
internal sealed partial class AsyncEventGrain(
    [PersistentState("async-event", StorageNames.Upt)] IPersistentState<AsyncEventState> state,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<AsyncEventGrain> logger) : Grain, IAsyncEventGrain
{
    private const string LostMessage = "the job stopped before it finished: the silo running it went away";
    private static readonly TimeSpan ProgressWriteInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);

    private Task? _running;
    private CancellationTokenSource? _stop;
    private IGrainTimer? _watch;
    private DateTimeOffset _progressWrittenAt;

    private AsyncEventState Event => state.State;

    private bool Exists => Event.Status.Length > 0;

    private bool Final => AsyncEventStatus.IsTerminal(Event.Status);

    public async ValueTask<AsyncEventView> StartAsync(AsyncJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Exists)
        {
            return View();
        }

        var job = services.GetKeyedService<IAsyncJob>(request.UseCase)
            ?? throw new ArgumentException($"no job is registered for use case {request.UseCase}", nameof(request));
        var now = clock.GetUtcNow();
        state.State = new AsyncEventState
        {
            UseCase = request.UseCase,
            Domain = request.Domain,
            Status = AsyncEventStatus.Invoked,
            LastUpdated = now,
            CreatedAt = now,
            Silo = RuntimeIdentity,
        };
        await state.WriteStateAsync(cancellationToken);
        var view = View();
        _stop = new CancellationTokenSource();
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        _running = RunAsync(job, request, _stop.Token);
        return view;
    }

    public async ValueTask<AsyncEventView> RecordAsync(string useCase, string domain, string? error, CancellationToken cancellationToken = default)
    {
        if (Exists)
        {
            return View();
        }

        var now = clock.GetUtcNow();
        state.State = new AsyncEventState
        {
            UseCase = useCase,
            Domain = domain,
            Status = error is null ? AsyncEventStatus.Success : AsyncEventStatus.Failed,
            Progress = error is null ? 1 : 0,
            Error = error,
            LastUpdated = now,
            CreatedAt = now,
        };
        await state.WriteStateAsync(cancellationToken);
        return View();
    }

    public async ValueTask<AsyncEventView> TrackResolutionAsync(string domain, int version, CancellationToken cancellationToken = default)
    {
        if (Exists)
        {
            return View();
        }

        var now = clock.GetUtcNow();
        state.State = new AsyncEventState
        {
            UseCase = AsyncUseCases.StartBatchIdRes,
            Domain = domain,
            Status = AsyncEventStatus.Invoked,
            LastUpdated = now,
            CreatedAt = now,
            ResolutionVersion = version,
        };
        await state.WriteStateAsync(cancellationToken);
        var view = View();
        await FollowResolutionAsync(cancellationToken);
        return view;
    }

    public async ValueTask<AsyncEventView?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return null;
        }

        if (!Final && Event.ResolutionVersion is not null)
        {
            await FollowResolutionAsync(cancellationToken);
        }
        else if (!Final && _running is not { IsCompleted: false })
        {
            LogLost(logger, Event.UseCase);
            await EndAsync(AsyncJobResult.Failed(LostMessage), cancellationToken);
        }

        return View();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _watch?.Dispose();
        if (_running is { IsCompleted: false } running)
        {
            // The job ends with its activation; it stores itself failed (the run's catch) before the activation goes.
            await _stop!.CancelAsync();
            await running.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }
    }

    private async Task RunAsync(IAsyncJob job, AsyncJobRequest request, CancellationToken cancellationToken)
    {
        // Let StartAsync answer "invoked" before the job's first step.
        await Task.Yield();
        AsyncJobResult result;
        try
        {
            Event.Status = AsyncEventStatus.Running;
            Event.LastUpdated = clock.GetUtcNow();
            await state.WriteStateAsync(cancellationToken);
            _progressWrittenAt = Event.LastUpdated;
            result = await job.RunAsync(new AsyncJobContext(this.GetPrimaryKeyString(), request, ReportProgressAsync, PublishAsync), cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            result = AsyncJobResult.Failed("the job stopped before it finished: its silo shut down");
        }
        catch (Exception ex)
        {
            LogJobFailed(logger, request.UseCase, ex);
            result = AsyncJobResult.Failed(ex.Message);
        }

        await EndAsync(result, CancellationToken.None);
        LogJobEnded(logger, request.UseCase, Event.Status);
        DelayDeactivation(TimeSpan.Zero);
    }

    private async Task ReportProgressAsync(double progress)
    {
        Event.Progress = progress;
        Event.LastUpdated = clock.GetUtcNow();
        if (Event.LastUpdated - _progressWrittenAt >= ProgressWriteInterval)
        {
            _progressWrittenAt = Event.LastUpdated;
            await state.WriteStateAsync();
        }
    }

    private Task PublishAsync(IReadOnlyList<ProfileChangeEvent> events) =>
        ChangePublisher.PublishAsync(this.GetStreamProvider(ChangeStreams.ProviderName), events, logger);

    /// <summary>Stores the final status; a failed write is retried, since a stored "running" would later read as lost.</summary>
    private async Task EndAsync(AsyncJobResult result, CancellationToken cancellationToken)
    {
        Event.Status = result.Succeeded ? AsyncEventStatus.Success : AsyncEventStatus.Failed;
        Event.Progress = result.Succeeded ? 1 : Event.Progress;
        Event.Error = result.Error;
        Event.Silo = null;
        Event.LastUpdated = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await state.WriteStateAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is not OperationCanceledException)
            {
                LogWriteRetry(logger, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), clock, cancellationToken);
            }
        }
    }

    private async Task FollowResolutionAsync(CancellationToken cancellationToken)
    {
        var job = await GrainFactory.GetGrain<IResolutionJobGrain>(Event.Domain).GetStatusAsync(cancellationToken);
        var (status, progress, error) = ResolutionEventStatus.Of(job, Event.ResolutionVersion!.Value);
        if (status != Event.Status || progress > Event.Progress || error != Event.Error)
        {
            Event.Status = status;
            Event.Progress = Math.Max(progress, Event.Progress);
            Event.Error = error;
            Event.LastUpdated = clock.GetUtcNow();
            await state.WriteStateAsync(cancellationToken);
        }

        if (Final)
        {
            _watch?.Dispose();
            _watch = null;
        }
        else
        {
            // Timer callbacks do not interleave with calls, so the watcher and reads never write the state at once.
            _watch ??= this.RegisterGrainTimer(ct => FollowResolutionAsync(ct), new GrainTimerCreationOptions(WatchInterval, WatchInterval) { KeepAlive = true });
        }
    }

    private AsyncEventView View() =>
        new(this.GetPrimaryKeyString(), Event.UseCase, Event.Domain, Event.Status, Event.LastUpdated, Event.Progress, Event.Error);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Async {UseCase} job failed")]
    private static partial void LogJobFailed(ILogger logger, string useCase, Exception exception);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Async {UseCase} job ended {Status}")]
    private static partial void LogJobEnded(ILogger logger, string useCase, string status);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Async {UseCase} event was still pending but no activation runs it (its silo went away): recorded failed")]
    private static partial void LogLost(ILogger logger, string useCase);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Storing an async event's final status failed (attempt {Attempt}); retrying")]
    private static partial void LogWriteRetry(ILogger logger, int attempt, Exception exception);
}
