using Microsoft.Extensions.Logging;
using Upt.Storage;

namespace Upt.Grains.Rules;

/// <summary>
/// After an activation, every live profile is rebuilt under the new rule set (its keys come from its fields and its
/// objects) and its keys are linked, merging what now matches — the same linking ingestion does, so running it while
/// ingestion goes on gives the state ingesting everything from scratch under the new rules would. It runs on a
/// background task of this activation (kept alive meanwhile); the state is written after every page, and a RUNNING
/// state whose heartbeat is older than <see cref="StaleAfter"/> and that no activation runs is reported FAILED.
/// </summary>
[GrainType("resolution-job")]
internal sealed partial class ResolutionJobGrain(
    [PersistentState("resolution-job", StorageNames.Upt)] IPersistentState<ResolutionJobState> state,
    FuzzyProfileReader profiles,
    DomainStore domains,
    MergeHistoryStore history,
    TimeProvider clock,
    ILogger<ResolutionJobGrain> logger) : Grain, IResolutionJobGrain
{
    private const int PageSize = 200;
    private const int Parallelism = 8;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    // Ingestion caches domain settings for a few seconds: the pass starts once every ingestion call uses the new version,
    // so no profile changed under the old version after the pass has rebuilt it.
    private static readonly TimeSpan SettingsPropagation = TimeSpan.FromSeconds(6);

    private Task? _running;
    private CancellationTokenSource? _stop;

    private string Domain => this.GetPrimaryKeyString();

    public async ValueTask StartAsync(int version)
    {
        if (_running is { IsCompleted: false })
        {
            await _stop!.CancelAsync();
            await _running.ContinueWith(_ => { }, TaskScheduler.Current);
        }

        var now = clock.GetUtcNow();
        state.State = new ResolutionJobState { Version = version, State = ResolutionJobStatus.Running, StartedAt = now, UpdatedAt = now };
        await state.WriteStateAsync();
        _stop = new CancellationTokenSource();
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        _running = RunAsync(version, _stop.Token);
    }

    public ValueTask<ResolutionJobStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var s = state.State;
        var dead = s.State == ResolutionJobStatus.Running && _running is not { IsCompleted: false }
            && s.UpdatedAt is { } beat && clock.GetUtcNow() - beat > StaleAfter;
        return ValueTask.FromResult(new ResolutionJobStatus(s.Version, dead ? ResolutionJobStatus.Failed : s.State, s.Processed, s.Total, s.Merges,
            s.StartedAt, s.UpdatedAt, dead ? "the run stopped without finishing (its silo went away)" : s.Error));
    }

    private async Task RunAsync(int version, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(SettingsPropagation, clock, cancellationToken);
            var settings = await GrainFactory.GetGrain<IDomainGrain>(Domain).GetSettingsAsync(cancellationToken)
                ?? throw new InvalidOperationException($"domain {Domain} no longer exists");
            state.State.Total = (await domains.GetCountersAsync(Domain, cancellationToken)).GetValueOrDefault("profiles");
            string? after = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = await profiles.LiveProfileIdsAsync(Domain, after, PageSize, cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                foreach (var chunk in page.Chunk(Parallelism))
                {
                    var merges = await Task.WhenAll(chunk.Select(id => ResolveAsync(id, settings, cancellationToken)));
                    state.State.Merges += merges.Sum();
                }

                after = page[^1];
                state.State.Processed += page.Count;
                state.State.UpdatedAt = clock.GetUtcNow();
                await state.WriteStateAsync(cancellationToken);
            }

            state.State.State = cancellationToken.IsCancellationRequested ? ResolutionJobStatus.Failed : ResolutionJobStatus.Succeeded;
            state.State.Error = cancellationToken.IsCancellationRequested ? "superseded or stopped" : null;
        }
        catch (Exception ex)
        {
            state.State.State = ResolutionJobStatus.Failed;
            state.State.Error = cancellationToken.IsCancellationRequested ? "superseded or stopped" : ex.Message;
            if (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }

        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync(CancellationToken.None);
        LogFinished(logger, version, state.State.State, state.State.Processed, state.State.Merges);
        DelayDeactivation(TimeSpan.Zero);
    }

    private async Task<int> ResolveAsync(string profileId, DomainSettings settings, CancellationToken cancellationToken)
    {
        var rebuilt = await GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(Domain, profileId)).RebuildAsync(settings, cancellationToken: cancellationToken);
        if (rebuilt.MergedInto is not null || rebuilt.LinkKeys.Count == 0)
        {
            return 0;
        }

        var resolved = await new RuleResolver(GrainFactory, history, Domain, settings).ResolveAsync(rebuilt, cancellationToken);
        return resolved.Changes.Count(c => c.Kind == ChangeKind.Merged);
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Re-resolution under rule-set version {Version} ended {State}: {Processed} profiles, {Merges} merges")]
    private static partial void LogFinished(ILogger logger, int version, string state, long processed, long merges);

    [LoggerMessage(EventId = 611, Level = LogLevel.Error, Message = "Re-resolution failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
