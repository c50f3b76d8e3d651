namespace Upt.Api.Hosting;

/// <summary>The API may start before any silo: keep retrying the first connection instead of failing start-up.</summary>
internal sealed partial class RetryUntilConnected(ILogger<RetryUntilConnected> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetry(logger, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "No silo reachable yet ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string reason);
}
