namespace Upt.Grains;

/// <summary>The statuses of a privacy search and of its locations, by UPT's names.</summary>
public static class PrivacyStatuses
{
    public const string SearchInvoked = "search_invoked";
    public const string SearchRunning = "search_running";
    public const string SearchSuccess = "search_success";
    public const string SearchFailed = "search_failed";
    public const string PurgeInvoked = "purge_invoked";
    public const string PurgeRunning = "purge_running";
    public const string PurgeSuccess = "purge_success";
    public const string PurgeFailed = "purge_failed";

    /// <summary>True while a search or purge has not ended.</summary>
    public static bool IsPending(string status) => status is SearchInvoked or SearchRunning or PurgeInvoked or PurgeRunning;
}
