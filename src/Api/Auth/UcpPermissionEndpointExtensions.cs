using Upt.Api.Contracts;

namespace Upt.Api.Auth;

/// <summary>Declares on an endpoint which application permission it needs (UPT's per-route bit).</summary>
public static class UcpPermissionEndpointExtensions
{
    /// <summary>
    /// The route needs <paramref name="permission"/> from the caller's <c>app-global-*</c> groups and the
    /// <c>app-{domain}-*</c> groups of the domain <paramref name="scope"/> names. No token: 401; not enough bits: 403.
    /// </summary>
    public static TBuilder RequireUcpPermission<TBuilder>(this TBuilder builder, AppPermission permission, PermissionScope scope = PermissionScope.DomainHeader)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(UcpPolicies.For(permission, scope));
        builder.WithMetadata(new UcpPermissionMetadata(permission, scope));
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(UcpResponse), ["application/json"]));
        if (permission != AppPermission.Public)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(UcpResponse), ["application/json"]));
        }

        return builder;
    }

    /// <summary>
    /// The Orleans dashboard shows the whole cluster, so it needs the global admin mask; only in the Development
    /// environment (a developer's own machine) is it open without a token.
    /// </summary>
    public static TBuilder RequireDashboardAccess<TBuilder>(this TBuilder builder, IHostEnvironment environment)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment()
            ? builder.AllowAnonymous()
            : builder.RequireUcpPermission(AppPermission.Admin, PermissionScope.Global);
    }
}
