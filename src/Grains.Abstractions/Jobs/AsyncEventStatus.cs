namespace Upt.Grains;

/// <summary>An async event's status, as UPT names it: <see cref="Invoked"/> → <see cref="Running"/> → <see cref="Success"/> | <see cref="Failed"/>.</summary>
public static class AsyncEventStatus
{
    public const string Invoked = "invoked";
    public const string Running = "running";
    public const string Success = "success";
    public const string Failed = "failed";

    /// <summary>True for <see cref="Success"/> and <see cref="Failed"/>: the status never changes again.</summary>
    public static bool IsTerminal(string status) => status is Success or Failed;
}
