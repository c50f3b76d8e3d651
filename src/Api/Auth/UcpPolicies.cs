using Microsoft.AspNetCore.Authorization;

namespace Upt.Api.Auth;

/// <summary>Authorization policies made of one <see cref="UcpPermissionRequirement"/>.</summary>
public static class UcpPolicies
{
    /// <summary>Any authenticated caller: the fallback for every endpoint that declares nothing.</summary>
    public static AuthorizationPolicy Authenticated { get; } = For(AppPermission.Public, PermissionScope.Global);

    /// <summary>A policy requiring <paramref name="permission"/> from the groups that apply to <paramref name="scope"/>.</summary>
    public static AuthorizationPolicy For(AppPermission permission, PermissionScope scope) =>
        new AuthorizationPolicyBuilder().AddRequirements(new UcpPermissionRequirement(permission, scope)).Build();
}
