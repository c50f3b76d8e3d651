using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Upt.Api.Hosting;

namespace Upt.Api.Auth;

/// <summary>A denied caller gets UPT's 403 in UPT's envelope; everything else goes to ASP.NET Core's default handling.</summary>
internal sealed class UcpAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var action = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? context.Request.Path.ToString();
            var required = policy.Requirements.OfType<UcpPermissionRequirement>().Select(r => r.Permission.ToString()).FirstOrDefault();
            var message = required is null ? $"user cannot perform action: {action}" : $"user cannot perform action: {action} (requires {required})";
            await UcpContext.Fail(context, StatusCodes.Status403Forbidden, message, "forbidden").ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
