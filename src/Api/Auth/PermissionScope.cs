namespace Upt.Api.Auth;

/// <summary>Which domain's <c>app-{domain}-*</c> groups count for a route, besides the <c>app-global-*</c> ones.</summary>
public enum PermissionScope
{
    /// <summary>The domain in the <c>customer-profiles-domain</c> header (UPT's rule).</summary>
    DomainHeader,

    /// <summary>The domain named by the route's <c>{id}</c> (the domain a route acts on, e.g. the one being deleted).</summary>
    DomainInPath,

    /// <summary>No domain: only global groups (creating domains, the dashboard).</summary>
    Global,
}
