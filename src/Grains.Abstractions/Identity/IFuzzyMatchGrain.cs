namespace Upt.Grains;

/// <summary>
/// Continuous fuzzy matching of one domain's profiles (upt-core §3.11). Key: the domain. A changed profile is offered
/// to the blocks of its blocking keys; the pairs they score are merged (type <c>ai</c>) or stored for review,
/// according to the domain's <see cref="FuzzyMatchSettings"/>.
/// </summary>
[Alias("upt.IFuzzyMatchGrain")]
public interface IFuzzyMatchGrain : IGrainWithStringKey
{
    /// <summary>
    /// A profile's fields changed (or it was merged away): match it again. Fire and forget; failures are logged, and the
    /// next change or a full pass matches the profile again.
    /// </summary>
    [OneWay, Alias("ProfileChanged")]
    ValueTask ProfileChangedAsync(string profileId);

    /// <summary>Matches every live profile of the domain once more, in profile id order; returns what it did.</summary>
    /// <remarks>Runs as long as the domain needs: callers give it a response timeout that fits the domain's size.</remarks>
    [Alias("RunFullPass")]
    ValueTask<FullPassResult> RunFullPassAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports third-party matches (a Customer Profiles matching export): the ids of each group are resolved as profile
    /// ids, else as traveller ids; pairs at or above the auto-merge threshold are merged (type <c>ai</c>, factor = the
    /// group's score) unless marked false positive, the others are stored as review pairs (source <c>import</c>).
    /// </summary>
    [Alias("Import")]
    ValueTask<MatchImportResult> ImportAsync(IReadOnlyList<ImportedMatchGroup> groups, CancellationToken cancellationToken = default);
}
