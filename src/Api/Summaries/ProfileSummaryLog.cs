namespace Upt.Api.Summaries;

/// <summary>Log messages of the summary route (never the profile or the summary: both are personal data).</summary>
internal static partial class ProfileSummaryLog
{
    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Profile summary failed: {Reason}")]
    public static partial void GenerationFailed(ILogger logger, string reason);
}
