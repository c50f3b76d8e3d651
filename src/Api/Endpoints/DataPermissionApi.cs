using System.Text.Json;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.DataPermissions;
using Upt.Api.Hosting;
using Upt.DataPermissions;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>
/// <c>/api/ucp/dataPermission</c> (Upt routes): the data-access permission string of each data group of the header's
/// domain. UPT kept these strings in Cognito group descriptions and had no route for them.
/// </summary>
public static class DataPermissionApi
{
    private const int MaxPermissionLength = 4096;

    private static readonly string Grammar = "Grammar (UPT's): '*/*' alone, or lines 'object/fields[?condition]'; fields '*' with exclusions "
        + "('*,birthDate') or a list ('firstName,lastName'); conditions 'field op value' with = != < <= > >= and 'in [a,b]', "
        + "'and' before 'or', parentheses, quoted values for spaces. Objects: " + string.Join(", ", DataObjects.Names) + ".";

    public static IEndpointRouteBuilder MapDataPermissionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/dataPermission").WithTags("Permissions");
        group.MapGet("", ListAsync).WithName("ListDataPermissions")
            .WithSummary("The data groups of the header's domain (ucp-{domain}-admin[-suffix]) and their permission strings")
            .WithDescription("A caller sees the union of the grants of its groups that apply; no group: no profile data. A new domain has ucp-{domain}-admin -> */*.")
            .RequireUcpPermission(AppPermission.Admin);
        group.MapPost("", SaveAsync).WithName("SaveDataPermission")
            .WithSummary("Set a group's permission: {\"dataPermission\": {\"group\": \"ucp-{domain}-admin-agents\", \"permission\": \"traveller/*,birthDate\"}}")
            .WithDescription("400 'validation error: ...' for a group that is not a data group of the domain, a permission that does not parse "
                + "(with line and column) or one naming an unknown object. " + Grammar)
            .Accepts<DataPermissionBody>("application/json")
            .RequireUcpPermission(AppPermission.Admin);
        group.MapDelete("/{group}", DeleteAsync).WithName("DeleteDataPermission")
            .WithSummary("Remove a group's permission (its members then see nothing of the domain's profiles through it); 404 when it has none")
            .RequireUcpPermission(AppPermission.Admin);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        return UcpContext.Ok(http, new UcpResponse { DataPermissions = await ListOfAsync(grains, domain) });
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IGrainFactory grains, DataPermissionCache cache)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        DataPermissionBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<DataPermissionBody>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return UcpContext.Fail(http, 400, $"validation error: request body is not valid JSON of the expected shape ({ex.Message})");
        }

        var grant = body?.DataPermission;
        if (Validate(grant, domain) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        await grains.GetGrain<IDataPermissionGrain>(domain).SetAsync(new DataPermissionGrant(grant!.Group!, grant.Permission!), http.RequestAborted);
        cache.Invalidate(domain);
        return UcpContext.Ok(http, new UcpResponse { DataPermissions = await ListOfAsync(grains, domain) });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IGrainFactory grains, DataPermissionCache cache, string group)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (DataPermissionGroups.NameError(group, domain) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        if (!await grains.GetGrain<IDataPermissionGrain>(domain).RemoveAsync(group, http.RequestAborted))
        {
            return UcpContext.Fail(http, 404, $"group {group} has no data permission in domain {domain}", "not_found");
        }

        cache.Invalidate(domain);
        return UcpContext.Ok(http, new UcpResponse { DataPermissions = await ListOfAsync(grains, domain) });
    }

    private static string? Validate(DataPermissionView? grant, string domain)
    {
        if (grant is null)
        {
            return "dataPermission is required";
        }

        if (DataPermissionGroups.NameError(grant.Group, domain) is { } groupError)
        {
            return $"dataPermission.{groupError}";
        }

        if (grant.Permission is null)
        {
            return "dataPermission.permission is required (an empty string grants nothing)";
        }

        if (grant.Permission.Length > MaxPermissionLength)
        {
            return $"dataPermission.permission is longer than {MaxPermissionLength} characters";
        }

        if (!DataPermission.TryParse(grant.Permission, out var permission, out var syntax))
        {
            return $"dataPermission.permission does not parse: {syntax}";
        }

        // UPT parses unknown objects and never matches them: a typo silently hides data. Refused when stored.
        return permission.UnknownObjects is { Count: > 0 } unknown
            ? $"dataPermission.permission names unknown object {unknown[0]} (known: {string.Join(", ", DataObjects.Names)})"
            : null;
    }

    private static async Task<IReadOnlyList<DataPermissionView>> ListOfAsync(IGrainFactory grains, string domain) =>
        (await grains.GetGrain<IDataPermissionGrain>(domain).ListAsync()).Select(g => new DataPermissionView(g.Group, g.Permission)).ToList();
}
