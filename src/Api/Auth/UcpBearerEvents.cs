using Microsoft.AspNetCore.Authentication.JwtBearer;
using Upt.Api.Hosting;

namespace Upt.Api.Auth;

/// <summary>401s in UPT's envelope, and why a token was refused in the log (never the token itself).</summary>
internal sealed partial class UcpBearerEvents(ILogger<UcpBearerEvents> logger) : JwtBearerEvents
{
    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        // The exception type names the check that failed (lifetime, audience, issuer, signature) without token contents.
        LogRejected(logger, context.Request.Path.Value ?? "", context.Exception.GetType().Name);
        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var invalid = context.AuthenticateFailure is not null;
        context.Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
        var message = invalid
            ? "unauthorized: the bearer token is invalid or expired"
            : "unauthorized: send a bearer token (Authorization: Bearer <JWT>)";
        await UcpContext.Fail(context.HttpContext, StatusCodes.Status401Unauthorized, message, "unauthorized").ExecuteAsync(context.HttpContext);
    }

    [LoggerMessage(EventId = 521, Level = LogLevel.Information, Message = "Bearer token rejected on {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string path, string reason);
}
