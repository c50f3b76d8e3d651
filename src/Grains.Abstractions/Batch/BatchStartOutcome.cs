namespace Upt.Grains;

/// <summary>What asking a batch job to start did.</summary>
public enum BatchStartOutcome
{
    /// <summary>A run started.</summary>
    Started = 0,

    /// <summary>A run of this job is in progress; nothing was started.</summary>
    AlreadyRunning = 1,

    /// <summary>The request is not valid (source, object type); nothing was started.</summary>
    Invalid = 2,

    /// <summary>The domain does not exist.</summary>
    DomainNotFound = 3,
}
