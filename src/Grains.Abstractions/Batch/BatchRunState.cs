namespace Upt.Grains;

/// <summary>The state of a batch run (UPT shows Glue job run states; these are the three a run can be in).</summary>
public enum BatchRunState
{
    /// <summary>Listing or ingesting files.</summary>
    Running = 0,

    /// <summary>Every file was ingested (lines that could not be became error records).</summary>
    Succeeded = 1,

    /// <summary>The run stopped before the end: see <see cref="BatchJobStatus.LastError"/>. Finished files stay bookmarked.</summary>
    Failed = 2,
}
