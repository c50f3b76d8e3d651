namespace Upt.Grains.Jobs;

/// <summary>How a job ended: success, or failed with a message for the event.</summary>
public sealed record AsyncJobResult(string? Error)
{
    /// <summary>The job did all its work.</summary>
    public static AsyncJobResult Success { get; } = new((string?)null);

    /// <summary>True when the job did all its work.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The job ended without doing all its work, for the reason <paramref name="error"/>.</summary>
    public static AsyncJobResult Failed(string error) => new(error);
}
