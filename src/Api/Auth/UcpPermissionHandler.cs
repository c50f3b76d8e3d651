using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Upt.Api.Hosting;
using Upt.Api.Validation;

namespace Upt.Api.Auth;

/// <summary>Grants a <see cref="UcpPermissionRequirement"/> when the caller's groups carry its bits for the route's domain.</summary>
internal sealed partial class UcpPermissionHandler(IOptions<AuthOptions> options, ILogger<UcpPermissionHandler> logger)
    : AuthorizationHandler<UcpPermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, UcpPermissionRequirement requirement)
    {
        var auth = options.Value;
        if (!auth.Enabled)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        // Not authenticated: leave the requirement unmet, so the middleware challenges (401) instead of forbidding.
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (requirement.Permission == AppPermission.Public)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var domain = DomainOf(context.Resource as HttpContext, requirement.Scope);
        var mask = AppPermissionGroups.MaskFor(AppPermissionGroups.GroupsOf(context.User, auth.GroupsClaim), domain);
        if ((mask & requirement.Permission) == requirement.Permission)
        {
            context.Succeed(requirement);
        }
        else
        {
            // The mask is not a secret, but group names can be; log neither the token nor the groups.
            LogDenied(logger, requirement.Permission, domain ?? "(global)", (uint)mask);
            context.Fail(new AuthorizationFailureReason(this, $"requires {requirement.Permission}"));
        }

        return Task.CompletedTask;
    }

    /// <summary>The domain whose groups apply; null (global groups only) when the route names none or names an invalid one.</summary>
    private static string? DomainOf(HttpContext? http, PermissionScope scope)
    {
        var domain = (http, scope) switch
        {
            (null, _) or (_, PermissionScope.Global) => null,
            (_, PermissionScope.DomainInPath) => http.GetRouteValue("id") as string,
            _ => http.Request.Headers[UcpContext.DomainHeader].ToString(),
        };
        return UcpValidation.DomainError(domain) is null ? domain : null;
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Denied: the caller's groups grant mask {Mask:x} in domain {Domain}, the route requires {Permission}")]
    private static partial void LogDenied(ILogger logger, AppPermission permission, string domain, uint mask);
}
