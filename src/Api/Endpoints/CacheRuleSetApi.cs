using System.Globalization;
using System.Text.Json;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Grains;
using Upt.Rules;

namespace Upt.Api.Endpoints;

/// <summary>
/// Cache rule sets: <c>/api/ucp/ruleSetCache</c> (list, save the draft, activate), for the header's domain, answered
/// exactly like <c>/api/ucp/ruleSet</c>. Upt has no downstream caches: the sets are stored and versioned, applied to nothing.
/// </summary>
public static class CacheRuleSetApi
{
    public static IEndpointRouteBuilder MapCacheRuleSetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/ruleSetCache").WithTags("Rule sets");
        group.MapGet("", ListAsync).WithName("ListCacheRuleSet")
            .WithSummary("Active and draft cache rule sets (includesHistorical=true: also v<N> history); stored only: Upt has no downstream caches")
            .RequireUcpPermission(AppPermission.ListRuleSet);
        group.MapPost("", SaveAsync).WithName("SaveCacheRuleSet")
            .WithSummary("Replace the draft cache rule set: {\"saveRuleSetRq\": {\"rules\": [...]}}, skip conditions only; 400 with every validation message when invalid")
            .Accepts<SaveRuleSetBody>("application/json")
            .RequireUcpPermission(AppPermission.SaveRuleSet);
        group.MapPost("/activate", ActivateAsync).WithName("ActivateCacheRuleSet")
            .WithSummary("Make the draft the active cache rule set (version + 1; the previous one goes to history), synchronously")
            .RequireUcpPermission(AppPermission.ActivateRuleSet);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains, string? includesHistorical = null)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (!string.IsNullOrEmpty(includesHistorical) && !bool.TryParse(includesHistorical.ToLower(CultureInfo.InvariantCulture), out _))
        {
            return UcpContext.Fail(http, 400, $"validation error: includesHistorical must be true or false, got '{includesHistorical}'");
        }

        var history = string.Equals(includesHistorical, "true", StringComparison.OrdinalIgnoreCase);
        var sets = await grains.GetGrain<ICacheRuleSetGrain>(domain).ListAsync(history);
        return sets is null
            ? UcpContext.Fail(http, 404, $"domain {domain} not found", "not_found")
            : UcpContext.Ok(http, new UcpResponse { RuleSets = sets, ProfileMappings = RuleFieldCatalog.ProfileFields });
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        IReadOnlyList<Rule> rules;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("saveRuleSetRq", out var rq)
                || rq.ValueKind != JsonValueKind.Object || !rq.TryGetProperty("rules", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return UcpContext.Fail(http, 400, "validation error: saveRuleSetRq.rules (an array) is required");
            }

            rules = RuleJson.DeserializeRules(array);
        }
        catch (JsonException ex)
        {
            return UcpContext.Fail(http, 400, $"validation error: request body is not valid JSON of the expected shape ({ex.Message})");
        }

        return Answer(http, await grains.GetGrain<ICacheRuleSetGrain>(domain).SaveDraftAsync(rules));
    }

    private static async Task<IResult> ActivateAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        return Answer(http, await grains.GetGrain<ICacheRuleSetGrain>(domain).ActivateAsync());
    }

    private static IResult Answer(HttpContext http, RuleSetResult result) => result.Outcome switch
    {
        RuleSetOutcome.Done => UcpContext.Ok(http, new UcpResponse()),
        RuleSetOutcome.DomainNotFound => UcpContext.Fail(http, 404, string.Join("; ", result.Errors), "not_found"),
        _ => UcpContext.Fail(http, 400, $"validation error: {string.Join("; ", result.Errors)}"),
    };
}
