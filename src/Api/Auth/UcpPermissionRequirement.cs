using Microsoft.AspNetCore.Authorization;

namespace Upt.Api.Auth;

/// <summary>A route needs <see cref="Permission"/> (all its bits) in the mask of the groups that apply to <see cref="Scope"/>.</summary>
public sealed class UcpPermissionRequirement(AppPermission permission, PermissionScope scope) : IAuthorizationRequirement
{
    /// <summary>The bits required; <see cref="AppPermission.Public"/> needs only an authenticated caller.</summary>
    public AppPermission Permission { get; } = permission;

    /// <summary>Where the domain whose groups count comes from.</summary>
    public PermissionScope Scope { get; } = scope;

    public override string ToString() => $"{Permission} ({Scope})";
}
