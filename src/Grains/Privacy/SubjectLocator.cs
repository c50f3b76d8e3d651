using Upt.Storage;

namespace Upt.Grains.Privacy;

/// <summary>Finds a subject's data in every store Upt keeps: its tables (<see cref="SubjectStore"/>) and the raw backup.</summary>
internal sealed class SubjectLocator(SubjectStore subjects, RawBackupArchive backup)
{
    /// <summary>
    /// Scans for <paramref name="connectId"/>; with <paramref name="known"/> (what a purge resolved before deleting), its
    /// profile and traveller ids are looked for too, so a check after a purge looks where the data was.
    /// </summary>
    public async Task<SubjectScan> ScanAsync(string domain, string connectId, SubjectIds? known, CancellationToken cancellationToken)
    {
        var ids = await subjects.ResolveAsync(domain, connectId, known?.ProfileIds, cancellationToken);
        if (known is not null)
        {
            ids = ids with { TravellerIds = ids.TravellerIds.Union(known.TravellerIds, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() };
        }

        var needles = SubjectNeedles.Of(ids);
        var footprint = await subjects.FootprintAsync(domain, ids, needles, cancellationToken);
        var hits = await backup.FindAsync(domain, needles, cancellationToken);
        return new SubjectScan(footprint, hits, needles);
    }
}
