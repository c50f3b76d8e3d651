using System.Text.Json;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Hyperlink templates of the header's domain: <c>/api/ucp/portalConfig</c>.</summary>
public static class PortalConfigApi
{
    public static IEndpointRouteBuilder MapPortalConfigApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/portalConfig").WithTags("Portal");
        group.MapGet("", GetAsync).WithName("GetPortalConfig")
            .WithSummary("The domain's hyperlink templates: portalConfig.hyperlinkMappings[] {accpObject, fieldName, hyperlinkTemplate}")
            .RequireUcpPermission(AppPermission.Public);
        group.MapPost("", SaveAsync).WithName("SavePortalConfig")
            .WithSummary("Replace the domain's hyperlink templates: {\"portalConfig\": {\"hyperlinkMappings\": [...]}}; answers the saved set")
            .WithDescription("accpObject: a record type; fieldName: a column of it; hyperlinkTemplate: an https:// URL with a host whose {{field}} "
                + "placeholders are columns of the same type. At most 100 mappings, templates up to 2048 characters. 400 with every problem "
                + "when any mapping is invalid, and nothing changes.")
            .Accepts<PortalConfigBody>("application/json")
            .RequireUcpPermission(AppPermission.SaveHyperlink);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        var mappings = await grains.GetGrain<IPortalConfigGrain>(domain).GetHyperlinksAsync(http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { PortalConfig = View(mappings) });
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        var (mappings, error) = await ReadAsync(http);
        if (error is not null)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        var errors = await grains.GetGrain<IPortalConfigGrain>(domain).SaveHyperlinksAsync(mappings!, http.RequestAborted);
        return errors.Count > 0
            ? UcpContext.Fail(http, 400, $"validation error: {string.Join("; ", errors)}")
            : UcpContext.Ok(http, new UcpResponse { PortalConfig = View(mappings!) });
    }

    private static async Task<(IReadOnlyList<HyperlinkMapping>? Mappings, string? Error)> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > RequestLimits.MaxSettingsBodyBytes)
        {
            return (null, $"request body exceeds {RequestLimits.MaxSettingsBodyBytes} bytes");
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("portalConfig", out var config)
                || config.ValueKind != JsonValueKind.Object || !config.TryGetProperty("hyperlinkMappings", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return (null, "portalConfig.hyperlinkMappings (an array) is required");
            }

            var mappings = new List<HyperlinkMapping>();
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return (null, $"hyperlinkMappings[{mappings.Count}] must be an object");
                }

                mappings.Add(new HyperlinkMapping(Text(item, "accpObject"), Text(item, "fieldName"), Text(item, "hyperlinkTemplate")));
            }

            return (mappings, null);
        }
        catch (JsonException ex)
        {
            return (null, $"request body is not valid JSON of the expected shape ({ex.Message})");
        }
    }

    /// <summary>A string property, "" when absent; any other kind is a shape error.</summary>
    private static string Text(JsonElement item, string name) =>
        !item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? ""
        : value.ValueKind == JsonValueKind.String ? value.GetString()!
        : throw new JsonException($"{name} must be a string");

    private static PortalConfigView View(IReadOnlyList<HyperlinkMapping> mappings) =>
        new(mappings.Select(m => new HyperlinkMappingView(m.AccpObject, m.FieldName, m.HyperlinkTemplate)).ToList());
}
