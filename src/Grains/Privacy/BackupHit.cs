using Upt.Batch;

namespace Upt.Grains.Privacy;

/// <summary>A raw backup file holding <see cref="Lines"/> lines that name a subject.</summary>
internal sealed record BackupHit(BatchFile File, int Lines);
