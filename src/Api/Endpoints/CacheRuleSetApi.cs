using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Grains;

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

        if (!RuleSetRoutes.TryIncludesHistorical(http, includesHistorical, out var history, out var invalid))
        {
            return invalid!;
        }

        return RuleSetRoutes.Listed(http, domain, await grains.GetGrain<ICacheRuleSetGrain>(domain).ListAsync(history));
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        var (rules, invalid) = await RuleSetRoutes.ReadRulesAsync(http);
        return invalid ?? RuleSetRoutes.Answer(http, await grains.GetGrain<ICacheRuleSetGrain>(domain).SaveDraftAsync(rules!), new UcpResponse());
    }

    private static async Task<IResult> ActivateAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        return RuleSetRoutes.Answer(http, await grains.GetGrain<ICacheRuleSetGrain>(domain).ActivateAsync(), new UcpResponse());
    }
}
