using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Domains: <c>/api/ucp/admin</c>.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/admin").WithTags("Domains");
        group.MapGet("", ListAsync).WithName("ListDomains").WithSummary("List domains")
            .RequireUcpPermission(AppPermission.Public);
        // A domain's own groups cannot create other domains: only app-global-* groups count.
        group.MapPost("", CreateAsync).WithName("CreateDomain").WithSummary("Create a domain")
            .Accepts<JsonObject>("application/json")
            .RequireUcpPermission(AppPermission.CreateDomain, PermissionScope.Global);
        group.MapGet("/{id}", GetAsync).WithName("GetDomain").WithSummary("A domain with its profile, object and error counts (domain from the customer-profiles-domain header, else the path)")
            .RequireUcpPermission(AppPermission.Public);
        // Checked against the domain being deleted, not the header: a header naming another domain grants nothing here.
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteDomain").WithSummary("Delete a domain and all its data")
            .RequireUcpPermission(AppPermission.DeleteDomain, PermissionScope.DomainInPath);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var names = await grains.GetGrain<IDomainDirectoryGrain>(IDomainDirectoryGrain.Key).ListAsync();
        var infos = await Task.WhenAll(names.Select(n => grains.GetGrain<IDomainGrain>(n).GetAsync().AsTask()));
        var domains = infos.OfType<DomainInfo>().Select(d => new DomainView { CustomerProfileDomain = d.Name, Created = d.CreatedAt, LastUpdated = d.CreatedAt }).ToList();
        return UcpContext.Ok(http, new UcpResponse { Config = new DomainConfig(domains) });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains)
    {
        string? name;
        bool rules, fuzzy;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            name = body?["domain"]?["customerProfileDomain"]?.GetValue<string>();
            // Upt extensions (UPT switches rule-based resolution with separate calls): both on unless set false.
            rules = body?["domain"]?["ruleBasedIdResolution"]?.GetValue<bool>() ?? true;
            fuzzy = body?["domain"]?["fuzzyMatching"]?.GetValue<bool>() ?? true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return UcpContext.Fail(http, 400, $"validation error: request body is not valid JSON of the expected shape ({ex.Message})");
        }

        if (UcpValidation.DomainError(name) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        var settings = new DomainSettings
        {
            Identity = new IdentitySettings { RuleBasedResolutionDisabled = !rules },
            Fuzzy = new FuzzyMatchSettings { Disabled = !fuzzy },
        };
        if (!await grains.GetGrain<IDomainGrain>(name!).CreateAsync(settings))
        {
            return UcpContext.Fail(http, 400, $"validation error: domain {name} already exists");
        }

        // Created before the answer: the event is already final, and pollable like UPT's.
        var created = await AsyncEvents.RecordAsync(grains, AsyncUseCases.CreateDomain, name!, cancellationToken: http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse
        {
            AsyncEvent = created,
            Config = new DomainConfig([new DomainView { CustomerProfileDomain = name!, Created = created.LastUpdated }]),
        });
    }

    private static async Task<IResult> GetAsync(HttpContext http, string id, IGrainFactory grains)
    {
        var domain = http.Request.Headers[UcpContext.DomainHeader].ToString() is { Length: > 0 } header ? header : id;
        if (UcpValidation.DomainError(domain) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        var info = await grains.GetGrain<IDomainGrain>(domain).GetAsync();
        if (info is null)
        {
            return UcpContext.Fail(http, 404, $"domain {domain} not found", "not_found");
        }

        return UcpContext.Ok(http, new UcpResponse
        {
            Config = new DomainConfig([new DomainView
            {
                CustomerProfileDomain = info.Name,
                Created = info.CreatedAt,
                NumberOfProfiles = info.Profiles,
                NumberOfObjects = info.Objects,
                NumberOfErrors = info.Errors,
                ObjectCounts = info.ObjectsByType,
                MatchingEnabled = false,
                NeedsMappingUpdate = false,
            }]),
        });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string id, IGrainFactory grains)
    {
        if (UcpValidation.DomainError(id) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (!await grains.GetGrain<IDomainGrain>(id).DeleteAsync())
        {
            return UcpContext.Fail(http, 404, $"domain {id} not found", "not_found");
        }

        return UcpContext.Ok(http, new UcpResponse { AsyncEvent = await AsyncEvents.RecordAsync(grains, AsyncUseCases.DeleteDomain, id, cancellationToken: http.RequestAborted) });
    }
}
