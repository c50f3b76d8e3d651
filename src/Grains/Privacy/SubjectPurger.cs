using System.Globalization;
using Orleans.Core.Internal;
using Upt.Storage;

namespace Upt.Grains.Privacy;

/// <summary>
/// Erases what a scan found, one location type at a time, each with its own outcome, so one failing store does not hide
/// what the others did. The profile goes through the merge grain's delete (the one profile delete: objects, travellers,
/// lookups, row and tombstones in one transaction, live grains reset, a DELETED event); what a delete keeps or never
/// touches (history, pairs, blocks, error records with their retry ledger, backup lines) and the grains that cache the subject in memory follow.
/// </summary>
internal sealed class SubjectPurger(IGrainFactory grains, SubjectStore subjects, ErrorStore errors, RawBackupArchive backup)
{
    /// <summary>Purges <paramref name="scan"/>'s subject; returns, per location type purged, null or why it failed.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> PurgeAsync(string domain, SubjectScan scan, string operatorId, CancellationToken cancellationToken)
    {
        var ids = scan.Ids.ProfileIds;
        var f = scan.Footprint;
        var outcome = new Dictionary<string, string?>(StringComparer.Ordinal);

        // Blocks and pairs first: a block grain that still held the profile could offer it to a match after the delete.
        await StepAsync(outcome, PrivacyLocationTypes.MatchBlocks, async () =>
        {
            await Task.WhenAll(f.BlockMemberships.Select(m =>
                grains.GetGrain<IMatchBlockGrain>(GrainKeys.MatchBlock(domain, m.BlockKey)).RemoveAsync(m.ProfileId, cancellationToken).AsTask()));
            await subjects.DeleteBlockMembershipsAsync(domain, ids, cancellationToken);
        });
        await StepAsync(outcome, PrivacyLocationTypes.Matches, () => subjects.DeleteMatchPairsAsync(domain, ids, cancellationToken));
        await StepAsync(outcome, PrivacyLocationTypes.ProfileStorage, async () =>
        {
            if (scan.Ids.LiveProfileId is { } live)
            {
                await grains.GetGrain<IMergeGrain>(domain).DeleteProfileAsync(live, operatorId, cancellationToken);
            }
        });
        await StepAsync(outcome, PrivacyLocationTypes.IdentityIndex, async () =>
        {
            // The profile delete removed the lookup rows; rule-index grains reload their members from them, so the ones
            // that may hold the subject in memory are deactivated (the next call reloads without it).
            await Task.WhenAll(f.Lookups.Where(l => PrivacyLocations.IsRuleKind(l.Kind)).Select(l => RuleIndexKey(domain, l.Kind, l.Value))
                .OfType<string>().Distinct(StringComparer.Ordinal)
                .Select(key => grains.GetGrain(GrainId.Create(GrainTypeNames.RuleIndex, key)).AsReference<IGrainManagementExtension>().DeactivateOnIdle().AsTask()));
            await subjects.DeleteLookupsAsync(domain, ids, cancellationToken);
        });
        await StepAsync(outcome, PrivacyLocationTypes.MergeHistory, () => subjects.DeleteHistoryAsync(domain, ids, cancellationToken));
        await StepAsync(outcome, PrivacyLocationTypes.ErrorRecords, () => errors.DeleteAsync(domain, f.ErrorIds, cancellationToken));
        await StepAsync(outcome, PrivacyLocationTypes.RawBackup, async () =>
        {
            foreach (var hit in scan.Backup)
            {
                await backup.EraseAsync(hit, scan.Needles, cancellationToken);
            }
        });
        return outcome;
    }

    private static async Task StepAsync(Dictionary<string, string?> outcome, string type, Func<Task> step)
    {
        try
        {
            await step();
            outcome[type] = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome[type] = ex.Message;
        }
    }

    /// <summary>The rule-index grain key of a rule lookup row (<c>rulep|ruleo:{version}:{rule}:{column}</c>), or null when the kind is not one.</summary>
    private static string? RuleIndexKey(string domain, string kind, string value)
    {
        var parts = kind.Split(':');
        return parts.Length == 4
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
               && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var rule)
            ? GrainKeys.RuleIndex(domain, version, rule, value)
            : null;
    }
}
