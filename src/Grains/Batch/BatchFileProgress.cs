using Upt.Batch;

namespace Upt.Grains.Batch;

/// <summary>A file being ingested: it is bookmarked once it has been read to the end and none of its lines is still in flight.</summary>
internal sealed class BatchFileProgress(BatchFile file)
{
    public BatchFile File { get; } = file;

    /// <summary>Lines read and not yet durable.</summary>
    public int Outstanding { get; set; }

    /// <summary>Lines read.</summary>
    public long Lines { get; set; }

    /// <summary>Lines that became error records.</summary>
    public long Errors { get; set; }

    /// <summary>The whole file has been read.</summary>
    public bool ReadDone { get; set; }

    /// <summary>The bookmark is written (or being written).</summary>
    public bool Bookmarked { get; set; }

    public bool IsComplete => ReadDone && Outstanding == 0;
}
