using Upt.Rules;

namespace Upt.Grains.CacheRules;

/// <summary>A domain's cache rule sets: draft, active and history, with the identity rule set's lifecycle and no effect.</summary>
[GrainType("cache-rule-set")]
internal sealed class CacheRuleSetGrain(
    [PersistentState("cacheRuleSet", StorageNames.Upt)] IPersistentState<CacheRuleSetState> state,
    TimeProvider clock) : Grain, ICacheRuleSetGrain
{
    private string Name => this.GetPrimaryKeyString();

    public async ValueTask<RuleSetResult> SaveDraftAsync(IReadOnlyList<Rule> rules, CancellationToken cancellationToken = default)
    {
        if (!await DomainExistsAsync(cancellationToken))
        {
            return RuleSetResult.Failed(RuleSetOutcome.DomainNotFound, $"domain {Name} not found");
        }

        var clean = RuleJson.Clean(rules);
        if (CacheRuleSetValidator.Validate(clean) is { Count: > 0 } errors)
        {
            return RuleSetResult.Failed(RuleSetOutcome.Invalid, [.. errors]);
        }

        state.State.Draft = new RuleSet { Name = RuleSetNames.Draft, Rules = clean.ToArray() };
        await state.WriteStateAsync(cancellationToken);
        return RuleSetResult.Done(state.State.Draft);
    }

    public async ValueTask<RuleSetResult> ActivateAsync(CancellationToken cancellationToken = default)
    {
        if (!await DomainExistsAsync(cancellationToken))
        {
            return RuleSetResult.Failed(RuleSetOutcome.DomainNotFound, $"domain {Name} not found");
        }

        if (state.State.Draft is not { } draft)
        {
            return RuleSetResult.Failed(RuleSetOutcome.NoDraft, "no draft cache rule set to activate");
        }

        var previous = state.State.Active;
        if (previous is not null)
        {
            state.State.History.Add(previous with { Name = RuleSetNames.History(previous.LatestVersion) });
        }

        state.State.Active = draft with
        {
            Name = RuleSetNames.Active,
            LatestVersion = (previous?.LatestVersion ?? 0) + 1,
            LastActivationTimestamp = clock.GetUtcNow(),
        };
        state.State.Draft = null;
        await state.WriteStateAsync(cancellationToken);
        return RuleSetResult.Done(state.State.Active);
    }

    public async ValueTask<IReadOnlyList<RuleSet>?> ListAsync(bool includeHistory, CancellationToken cancellationToken = default)
    {
        if (!await DomainExistsAsync(cancellationToken))
        {
            return null;
        }

        var sets = new List<RuleSet>();
        if (includeHistory)
        {
            sets.AddRange(state.State.History);
        }

        if (state.State.Active is { } active)
        {
            sets.Add(active);
        }

        if (state.State.Draft is { } d)
        {
            sets.Add(d);
        }

        return sets.OrderBy(s => s.LastActivationTimestamp).ToArray();
    }

    private async Task<bool> DomainExistsAsync(CancellationToken cancellationToken) =>
        await GrainFactory.GetGrain<IDomainGrain>(Name).ListRuleSetsAsync(false, cancellationToken) is not null;
}
