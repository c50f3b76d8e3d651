using Upt.Rules;

namespace Upt.Grains;

/// <summary>
/// A domain's cache rule sets (UPT's <c>ruleSetCache</c>: skip conditions deciding which profiles are not pushed to the
/// downstream caches). Upt has no downstream caches, so the sets are stored, validated and versioned like the
/// identity-resolution rule set and applied to nothing. Key: the domain name.
/// </summary>
[Alias("upt.ICacheRuleSetGrain")]
public interface ICacheRuleSetGrain : IGrainWithStringKey
{
    /// <summary>Validates <paramref name="rules"/> (skip conditions only) and makes them the draft.</summary>
    [Alias("SaveDraft")]
    ValueTask<RuleSetResult> SaveDraftAsync(IReadOnlyList<Rule> rules, CancellationToken cancellationToken = default);

    /// <summary>Draft → active (version + 1); the previous active set goes to history. Synchronous, as in UPT.</summary>
    [Alias("Activate")]
    ValueTask<RuleSetResult> ActivateAsync(CancellationToken cancellationToken = default);

    /// <summary>Active and draft (plus history), by activation time; null when the domain does not exist.</summary>
    [Alias("List"), ReadOnly]
    ValueTask<IReadOnlyList<RuleSet>?> ListAsync(bool includeHistory, CancellationToken cancellationToken = default);
}
