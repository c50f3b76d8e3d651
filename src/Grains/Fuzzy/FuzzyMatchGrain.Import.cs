using Upt.Storage;

namespace Upt.Grains.Fuzzy;

/// <summary>Third-party match imports (UPT's S3-triggered matching files), through the same merge and review paths.</summary>
internal sealed partial class FuzzyMatchGrain
{
    public async ValueTask<MatchImportResult> ImportAsync(IReadOnlyList<ImportedMatchGroup> groups, CancellationToken cancellationToken = default)
    {
        var settings = await GrainFactory.GetGrain<IDomainGrain>(_domain).GetSettingsAsync(cancellationToken)
            ?? throw new InvalidOperationException($"domain {_domain} does not exist");
        var fuzzy = settings.Fuzzy;
        var unresolved = new List<string>();
        int pairsSeen = 0, merged = 0, stored = 0;
        foreach (var group in groups)
        {
            var current = new List<string>();
            foreach (var id in group.Ids.Distinct(StringComparer.Ordinal))
            {
                if (await ResolveImportedAsync(id, cancellationToken) is { } profileId)
                {
                    current.Add(profileId);
                }
                else
                {
                    unresolved.Add(id);
                }
            }

            var members = current.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var reviews = new List<MatchPairWrite>();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    pairsSeen++;
                    var (a, b) = (members[i], members[j]);
                    if (!fuzzy.AutoMergeDisabled && group.Score >= fuzzy.AutoMergeThreshold
                        && !await reader.AnyFalsePositiveAsync(_domain, [a], [b], cancellationToken))
                    {
                        // Earlier merges of this group may have moved either side: the merge grain follows them.
                        var outcome = await GrainFactory.GetGrain<IMergeGrain>(_domain).MergeAsync(a, b, MergeContext.FromMatch(group.Score), cancellationToken);
                        if (outcome is { Changes.Count: > 0 })
                        {
                            merged++;
                            foreach (var gone in new[] { a, b }.Where(id => id != outcome.ProfileId))
                            {
                                await ForgetAsync(gone, cancellationToken);
                            }
                        }

                        continue;
                    }

                    reviews.Add(new MatchPairWrite(a, b, group.Score, [], MatchPairSource.Import));
                }
            }

            if (reviews.Count > 0)
            {
                await pairs.UpsertAsync(_domain, reviews, cancellationToken);
                stored += reviews.Count;
            }
        }

        return new MatchImportResult(groups.Count, pairsSeen, merged, stored, unresolved);
    }

    /// <summary>A profile id (followed to its survivor), else a traveller id's profile; null when neither exists.</summary>
    private async Task<string?> ResolveImportedAsync(string id, CancellationToken cancellationToken)
    {
        if (await GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, id)).ResolveAsync(cancellationToken) is { } profileId)
        {
            return profileId;
        }

        var travellerProfile = await GrainFactory.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(_domain, IdentifierKinds.Traveller, id)).ResolveAsync(cancellationToken);
        return travellerProfile is null ? null : await GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, travellerProfile)).ResolveAsync(cancellationToken);
    }
}
