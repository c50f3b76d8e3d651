using Upt.Storage;

namespace Upt.Grains.Privacy;

/// <summary>Everything found about one subject: its rows in Upt's tables and the raw backup lines that name it.</summary>
internal sealed record SubjectScan(SubjectFootprint Footprint, IReadOnlyList<BackupHit> Backup, IReadOnlyList<string> Needles)
{
    public SubjectIds Ids => Footprint.Ids;
}
