using Orleans.Core.Internal;
using Upt.Rules;
using Upt.Storage;

namespace Upt.Grains.Domains;

/// <summary>
/// A domain's existence and settings. Counts are not kept here: writers add to sharded counter rows
/// in their own transactions and this grain only sums them on request, so it is never a hot spot.
/// </summary>
[GrainType("domain")]
internal sealed class DomainGrain(
    [PersistentState("domain", StorageNames.Upt)] IPersistentState<DomainState> state,
    DomainStore domains,
    TimeProvider clock) : Grain, IDomainGrain
{
    private const int DeactivationChunk = 500;
    private static readonly GrainType[] DomainScopedGrainTypes =
        [GrainType.Create(GrainTypeNames.Profile), GrainType.Create(GrainTypeNames.Identifier), GrainType.Create(GrainTypeNames.RuleIndex)];

    private string Name => this.GetPrimaryKeyString();

    public async ValueTask<bool> CreateAsync(DomainSettings? settings = null, CancellationToken cancellationToken = default)
    {
        if (state.State.Exists)
        {
            return false;
        }

        settings ??= new DomainSettings();
        var rules = settings.ActiveRuleSet?.Rules ?? DefaultRuleSets.Rules;
        if (RuleSetValidator.Validate(RuleJson.Clean(rules)) is { Count: > 0 } errors)
        {
            throw new ArgumentException($"invalid active rule set: {string.Join("; ", errors)}", nameof(settings));
        }

        var now = clock.GetUtcNow();
        // UPT saves and activates its default rule at creation; the result is the same: version 1 active, no draft.
        state.State = new DomainState
        {
            Exists = true,
            CreatedAt = now,
            Settings = settings with { ActiveRuleSet = DomainRuleSets.FirstActive(RuleJson.Clean(rules), now) },
        };
        await state.WriteStateAsync(cancellationToken);
        // The domain's data grants start over (ucp-{domain}-admin -> */*), whatever a deleted namesake left behind.
        await GrainFactory.GetGrain<IDataPermissionGrain>(Name).ResetAsync(cancellationToken);
        await GrainFactory.GetGrain<IDomainDirectoryGrain>(IDomainDirectoryGrain.Key).AddAsync(Name);
        return true;
    }

    public async ValueTask<DomainInfo?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return null;
        }

        var counters = await domains.GetCountersAsync(Name, cancellationToken);
        var objects = counters
            .Where(c => c.Key.StartsWith("objects:", StringComparison.Ordinal))
            .ToDictionary(c => c.Key["objects:".Length..], c => c.Value, StringComparer.Ordinal);
        return new DomainInfo(Name, state.State.CreatedAt, counters.GetValueOrDefault("profiles"), objects,
            counters.GetValueOrDefault("errors"), state.State.Settings);
    }

    public ValueTask<DomainSettings?> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(state.State.Exists ? state.State.Settings : null);

    public async ValueTask<bool> UpdateSettingsAsync(DomainSettings settings, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return false;
        }

        state.State.Settings = settings with { ActiveRuleSet = state.State.Settings.ActiveRuleSet };
        await state.WriteStateAsync(cancellationToken);
        return true;
    }

    public async ValueTask<RuleSetResult> SaveRuleSetDraftAsync(IReadOnlyList<Rule> rules, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return RuleSetResult.Failed(RuleSetOutcome.DomainNotFound, $"domain {Name} not found");
        }

        var result = DomainRuleSets.SaveDraft(state.State, rules);
        if (result.Outcome == RuleSetOutcome.Done)
        {
            await state.WriteStateAsync(cancellationToken);
        }

        return result;
    }

    public async ValueTask<RuleSetResult> ActivateRuleSetAsync(CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return RuleSetResult.Failed(RuleSetOutcome.DomainNotFound, $"domain {Name} not found");
        }

        var result = DomainRuleSets.Activate(state.State, clock.GetUtcNow());
        if (result.Outcome == RuleSetOutcome.Done)
        {
            await state.WriteStateAsync(cancellationToken);
            // Existing profiles are re-resolved under the new rules in the background (one-way: news flows up).
            if (state.State.Settings.ActiveRuleSet is { } active)
            {
                await GrainFactory.GetGrain<IResolutionJobGrain>(Name).StartAsync(active.LatestVersion);
            }
        }

        return result;
    }

    public ValueTask<IReadOnlyList<RuleSet>?> ListRuleSetsAsync(bool includeHistory, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(state.State.Exists ? DomainRuleSets.List(state.State, includeHistory) : null);

    public ValueTask<PromptAndMatchConfig?> GetPromptAndMatchConfigAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(state.State.Exists
            ? new PromptAndMatchConfig(state.State.Prompt ?? PromptConfig.Inactive, PromptAndMatchRules.ToMatchConfig(state.State.Settings.Fuzzy))
            : null);

    public async ValueTask<IReadOnlyList<string>> SavePromptAndMatchConfigAsync(PromptAndMatchConfig config, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return [$"domain {Name} not found"];
        }

        var errors = PromptAndMatchRules.Validate(config);
        if (errors.Count > 0)
        {
            return errors;
        }

        // One write: the prompt and the fuzzy settings the matcher reads (within its settings cache's few seconds).
        state.State.Prompt = config.Prompt with { Value = config.Prompt.Value ?? "" };
        state.State.Settings = state.State.Settings with { Fuzzy = PromptAndMatchRules.Apply(state.State.Settings.Fuzzy, config.Match) };
        await state.WriteStateAsync(cancellationToken);
        return [];
    }

    public async ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return false;
        }

        await domains.DeleteDomainDataAsync(Name, cancellationToken);
        await GrainFactory.GetGrain<IPortalConfigGrain>(Name).ClearAsync(cancellationToken);
        await DeactivateLiveGrainsAsync();
        await GrainFactory.GetGrain<IDataPermissionGrain>(Name).ClearAsync(cancellationToken);
        await state.ClearStateAsync(cancellationToken);
        state.State = new DomainState();
        await GrainFactory.GetGrain<IDomainDirectoryGrain>(IDomainDirectoryGrain.Key).RemoveAsync(Name);
        return true;
    }

    /// <summary>
    /// Profile and identifier activations cache what they loaded; left alive, they would answer (and write back) the
    /// deleted data to a domain created again under the same name. They hold nothing that is not in the database,
    /// so deactivating them is safe; a later call activates them afresh from the (now empty) tables.
    /// </summary>
    private async Task DeactivateLiveGrainsAsync()
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var prefix = Name + "/";
        foreach (var type in DomainScopedGrainTypes)
        {
            var live = (await management.GetActiveGrains(type)).Where(id => id.Key.ToString()!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            foreach (var chunk in live.Chunk(DeactivationChunk))
            {
                await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain(id).AsReference<IGrainManagementExtension>().DeactivateOnIdle().AsTask()));
            }
        }
    }

    public async ValueTask<ErrorPage> ListErrorsAsync(int page, int pageSize, string? travellerId = null, CancellationToken cancellationToken = default)
    {
        var (items, total) = await domains.ListErrorsAsync(Name, page, pageSize, travellerId, cancellationToken);
        return new ErrorPage(items.Select(e => new ErrorRecordView(e.Id, e.Category, e.Message, e.Domain, e.ObjectType,
            e.TravellerId, e.TransactionId, e.Raw, e.CreatedAt, e.Source, e.RetryCount, e.LastRetryAt)).ToList(), total);
    }
}
