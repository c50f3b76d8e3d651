namespace Upt.Api.Auth;

/// <summary>What <see cref="UcpPermissionEndpointExtensions.RequireUcpPermission"/> declared on an endpoint, for its API description.</summary>
public sealed record UcpPermissionMetadata(AppPermission Permission, PermissionScope Scope);
