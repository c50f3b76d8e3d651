using Microsoft.Extensions.Options;

namespace Upt.Api.Auth;

/// <summary>Says at start-up which issuer the API trusts, and warns loudly when nothing is checked.</summary>
internal sealed partial class AuthStartupReport(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<AuthStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (!auth.Enabled)
        {
            LogDisabled(logger, environment.EnvironmentName);
        }
        else if (auth.Development.Enabled)
        {
            LogDevelopmentIssuer(logger, auth.Development.Authority!);
        }
        else
        {
            LogIssuer(logger, auth.Authority!, auth.GroupsClaim);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 522, Level = LogLevel.Warning, Message = "Auth is OFF (Auth:Enabled=false, environment {Environment}): every caller is treated as a global admin. For local tests only.")]
    private static partial void LogDisabled(ILogger logger, string environment);

    [LoggerMessage(EventId = 523, Level = LogLevel.Warning, Message = "Trusting the local development token issuer {Authority} (Auth:Development:Enabled=true): it signs a token for anyone who asks.")]
    private static partial void LogDevelopmentIssuer(ILogger logger, string authority);

    [LoggerMessage(EventId = 524, Level = LogLevel.Information, Message = "Bearer tokens from {Authority} are required; groups are read from claim {GroupsClaim}")]
    private static partial void LogIssuer(ILogger logger, string authority, string groupsClaim);
}
