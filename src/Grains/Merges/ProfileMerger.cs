namespace Upt.Grains.Merges;

/// <summary>
/// Merges two profiles of a domain from outside both (identifier grains, the merge grain): old ids are followed to
/// their survivors, the smaller current id survives (deterministic, and it orders calls between profiles so they
/// cannot deadlock), and a side that moves while we work (another merge absorbed it) is followed until both are one.
/// </summary>
internal sealed class ProfileMerger(IGrainFactory grains, string domain)
{
    private const int MaxHops = 16;

    /// <summary>The current id of a profile and whether it is a side of an unmerge, or null when it does not exist.</summary>
    public async Task<MergeTarget?> TargetAsync(string profileId, CancellationToken cancellationToken = default) =>
        await Profile(profileId).ResolveMergeTargetAsync(cancellationToken);

    /// <summary>The current id of a profile, or null when it does not exist.</summary>
    public async Task<string?> CurrentAsync(string profileId, CancellationToken cancellationToken = default) =>
        await Profile(profileId).ResolveAsync(cancellationToken);

    /// <summary>
    /// Merges the profiles <paramref name="a"/> and <paramref name="b"/> belong to. Null when either does not exist;
    /// an outcome for the survivor otherwise (no events when they were one already), with the keys to link next.
    /// </summary>
    public async Task<ApplyOutcome?> MergeAsync(string a, string b, MergeContext context, DomainSettings settings, CancellationToken cancellationToken = default)
    {
        var mine = await CurrentAsync(a, cancellationToken);
        var other = await CurrentAsync(b, cancellationToken);
        return mine is null || other is null ? null : await MergeCurrentAsync(mine, other, context, settings, cancellationToken);
    }

    /// <summary>
    /// <see cref="MergeAsync"/> for ids the caller has just resolved (rule resolution does, to skip self-matches):
    /// saves two calls per merge. Ids that moved since are still followed.
    /// </summary>
    public async Task<ApplyOutcome> MergeCurrentAsync(string mine, string other, MergeContext context, DomainSettings settings, CancellationToken cancellationToken = default)
    {
        var changes = new List<ProfileChangeEvent>();
        var linkKeys = new List<RuleKeyRef>();
        // Unknown until a survivor answers: assume a side of an unmerge, so the caller checks the negative links.
        var unmergeBlocked = true;
        for (var hop = 0; hop < MaxHops && mine != other; hop++)
        {
            var (survivor, absorbed) = string.CompareOrdinal(mine, other) < 0 ? (mine, other) : (other, mine);
            var outcome = await RetryWhileMergingAsync(() => Profile(survivor).AbsorbAsync(absorbed, context, settings, cancellationToken));
            if (outcome.MergedInto is { } survivorMoved)
            {
                (mine, other) = survivor == mine ? (survivorMoved, other) : (mine, survivorMoved);
                continue;
            }

            if (outcome.AbsorbedMovedTo is { } absorbedMoved)
            {
                (mine, other) = absorbed == mine ? (absorbedMoved, other) : (mine, absorbedMoved);
                continue;
            }

            changes.AddRange(outcome.Changes);
            linkKeys.AddRange(outcome.LinkKeys);
            unmergeBlocked = outcome.Changes.Count == 0 || outcome.UnmergeBlocked;
            mine = other = survivor;
        }

        if (mine != other)
        {
            throw new InvalidOperationException($"Merge of two profiles of domain {domain} did not converge after {MaxHops} hops");
        }

        return new ApplyOutcome(mine, changes, 0) { LinkKeys = linkKeys, FieldsChanged = changes.Count > 0, UnmergeBlocked = unmergeBlocked };
    }

    /// <summary>
    /// A profile sealed for a merge answers "retry" for the few milliseconds of the survivor's commit;
    /// wait it out here (bounded) rather than failing the whole batch.
    /// </summary>
    public static async Task<ApplyOutcome> RetryWhileMergingAsync(Func<ValueTask<ApplyOutcome>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (ProfileMergingException) when (attempt < 25)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 10 << attempt)));
            }
        }
    }

    private IProfileGrain Profile(string profileId) => grains.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, profileId));
}
