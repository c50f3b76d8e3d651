using System.Text.Json;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Domain settings of the header's domain (summary prompt, auto-merge threshold): <c>/api/ucp/promptConfig</c>.</summary>
public static class PromptConfigApi
{
    public static IEndpointRouteBuilder MapPromptConfigApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/promptConfig").WithTags("Domain settings");
        group.MapGet("", GetAsync).WithName("GetPromptConfig")
            .WithSummary("domainSetting {promptConfig {value, isActive}, matchConfig {value, isActive}}")
            .RequireUcpPermission(AppPermission.Public);
        group.MapPost("", SaveAsync).WithName("SavePromptConfig")
            .WithSummary("Save both settings: {\"domainSetting\": {\"promptConfig\": {...}, \"matchConfig\": {...}}}")
            .WithDescription("promptConfig: the prompt of profile summaries, required when active (summaries answer only when it is). matchConfig: "
                + "value = the fuzzy auto-merge threshold (0.00-0.99), isActive false turns auto-merge off (pairs are stored for review). "
                + "The matcher applies a change within seconds. 400 when invalid, and nothing changes.")
            .Accepts<DomainSettingBody>("application/json")
            .RequireUcpPermission(AppPermission.ConfigureGenAi);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        var config = await grains.GetGrain<IDomainGrain>(domain).GetPromptAndMatchConfigAsync(http.RequestAborted);
        return config is null
            ? UcpContext.Fail(http, 404, $"domain {domain} not found", "not_found")
            : UcpContext.Ok(http, new UcpResponse { DomainSetting = View(config) });
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        var (config, error) = await ReadAsync(http);
        if (error is not null)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        var errors = await grains.GetGrain<IDomainGrain>(domain).SavePromptAndMatchConfigAsync(config!, http.RequestAborted);
        return errors.Count > 0
            ? UcpContext.Fail(http, 400, $"validation error: {string.Join("; ", errors)}")
            : UcpContext.Ok(http, new UcpResponse());
    }

    private static async Task<(PromptAndMatchConfig? Config, string? Error)> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > RequestLimits.MaxSettingsBodyBytes)
        {
            return (null, $"request body exceeds {RequestLimits.MaxSettingsBodyBytes} bytes");
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("domainSetting", out var setting)
                || setting.ValueKind != JsonValueKind.Object
                || !setting.TryGetProperty("promptConfig", out var prompt) || prompt.ValueKind != JsonValueKind.Object
                || !setting.TryGetProperty("matchConfig", out var match) || match.ValueKind != JsonValueKind.Object)
            {
                return (null, "domainSetting.promptConfig and domainSetting.matchConfig (objects) are required");
            }

            var promptValue = prompt.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            if (!match.TryGetProperty("value", out var threshold) || threshold.ValueKind != JsonValueKind.Number)
            {
                return (null, "matchConfig.value (a number) is required");
            }

            return (new PromptAndMatchConfig(new PromptConfig(promptValue, Flag(prompt)), new MatchConfig(threshold.GetDouble(), Flag(match))), null);
        }
        catch (JsonException ex)
        {
            return (null, $"request body is not valid JSON of the expected shape ({ex.Message})");
        }
    }

    /// <summary><c>isActive</c>: false when absent; anything but a boolean is a shape error.</summary>
    private static bool Flag(JsonElement config) =>
        !config.TryGetProperty("isActive", out var flag) || flag.ValueKind == JsonValueKind.Null ? false
        : flag.ValueKind is JsonValueKind.True or JsonValueKind.False ? flag.GetBoolean()
        : throw new JsonException("isActive must be true or false");

    private static DomainSettingView View(PromptAndMatchConfig config) =>
        new(new PromptConfigView(config.Prompt.Value, config.Prompt.IsActive), new MatchConfigView(config.Match.Value, config.Match.IsActive));
}
