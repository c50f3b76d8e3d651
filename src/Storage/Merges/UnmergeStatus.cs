namespace Upt.Storage;

/// <summary>How an unmerge ended.</summary>
public enum UnmergeStatus
{
    /// <summary>Done: the lineage's travellers and objects moved back, in one transaction.</summary>
    Unmerged,

    /// <summary>An id is empty or both ids are the same; nothing changed.</summary>
    InvalidRequest,

    /// <summary>The profile to unmerge is not (directly or transitively) merged into the given profile; nothing changed.</summary>
    NotMerged,

    /// <summary>The profiles' forwarding chain changed while it was being read (a concurrent merge); nothing changed, retry.</summary>
    Conflict,
}
