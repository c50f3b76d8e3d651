using Upt.Rules;

namespace Upt.Grains;

/// <summary>One domain (tenant): its existence, settings and stats. Key: the domain name.</summary>
[Alias("upt.IDomainGrain")]
public interface IDomainGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the domain; false when it exists already. Its active rule set (version 1) is
    /// <paramref name="settings"/>' <see cref="DomainSettings.ActiveRuleSet"/> when given (it must be valid), else
    /// <see cref="DefaultRuleSets.Rules"/>.
    /// </summary>
    [Alias("Create")]
    ValueTask<bool> CreateAsync(DomainSettings? settings = null, CancellationToken cancellationToken = default);

    /// <summary>The domain with its counts, or null when it does not exist.</summary>
    [Alias("Get")]
    ValueTask<DomainInfo?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The settings ingestion uses, or null when the domain does not exist.</summary>
    [Alias("GetSettings"), ReadOnly]
    ValueTask<DomainSettings?> GetSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the settings, except the active rule set, which only activation changes; false when the domain does not exist.</summary>
    [Alias("UpdateSettings")]
    ValueTask<bool> UpdateSettingsAsync(DomainSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Deletes the domain and all its data; false when it did not exist.</summary>
    [Alias("Delete")]
    ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Error records, newest first, optionally for one traveller.</summary>
    [Alias("ListErrors"), ReadOnly]
    ValueTask<ErrorPage> ListErrorsAsync(int page, int pageSize, string? travellerId = null, CancellationToken cancellationToken = default);

    /// <summary>Validates <paramref name="rules"/> and makes them the draft, replacing any draft; conditions without normalisation get lowercase + trim.</summary>
    [Alias("SaveRuleSetDraft")]
    ValueTask<RuleSetResult> SaveRuleSetDraftAsync(IReadOnlyList<Rule> rules, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the draft the active set (version + 1, activated now); the previous active set goes to history as
    /// <c>v&lt;its version&gt;</c> with its activation time; the draft is removed. Profiles are not re-resolved.
    /// </summary>
    [Alias("ActivateRuleSet")]
    ValueTask<RuleSetResult> ActivateRuleSetAsync(CancellationToken cancellationToken = default);

    /// <summary>Active and draft sets, plus history when <paramref name="includeHistory"/>, by activation time ascending (a draft first); null when the domain does not exist.</summary>
    [Alias("ListRuleSets"), ReadOnly]
    ValueTask<IReadOnlyList<RuleSet>?> ListRuleSetsAsync(bool includeHistory, CancellationToken cancellationToken = default);

    /// <summary>
    /// The summary prompt and the auto-merge threshold (UPT's <c>domainSetting</c>); the match half is read from
    /// <see cref="DomainSettings.Fuzzy"/>. Null when the domain does not exist.
    /// </summary>
    [Alias("GetPromptAndMatchConfig"), ReadOnly]
    ValueTask<PromptAndMatchConfig?> GetPromptAndMatchConfigAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates and saves both settings in one write: the prompt is kept with the domain, the match half sets
    /// <see cref="FuzzyMatchSettings.AutoMergeThreshold"/> and <see cref="FuzzyMatchSettings.AutoMergeDisabled"/> (inactive =
    /// auto-merge off). Returns the validation messages; empty when saved. Nothing changes when any is invalid or the
    /// domain does not exist (then the message says so).
    /// </summary>
    [Alias("SavePromptAndMatchConfig")]
    ValueTask<IReadOnlyList<string>> SavePromptAndMatchConfigAsync(PromptAndMatchConfig config, CancellationToken cancellationToken = default);
}
