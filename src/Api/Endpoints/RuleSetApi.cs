using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Identity-resolution rule sets: <c>/api/ucp/ruleSet</c> (list, save the draft, activate), for the header's domain.</summary>
public static class RuleSetApi
{
    /// <summary>The use case UPT names in the activation's async event.</summary>
    public const string ActivateUseCase = AsyncUseCases.StartBatchIdRes;

    public static IEndpointRouteBuilder MapRuleSetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/ruleSet").WithTags("Rule sets");
        group.MapGet("", ListAsync).WithName("ListRuleSet")
            .WithSummary("Active and draft rule sets (includesHistorical=true: also v<N> history), by activation time; profileMappings = the _profile fields")
            .RequireUcpPermission(AppPermission.ListRuleSet);
        group.MapPost("", SaveAsync).WithName("SaveRuleSet")
            .WithSummary("Replace the draft rule set: {\"saveRuleSetRq\": {\"rules\": [...]}}; 400 with every validation message when invalid")
            .Accepts<SaveRuleSetBody>("application/json")
            .RequireUcpPermission(AppPermission.SaveRuleSet);
        group.MapPost("/activate", ActivateAsync).WithName("ActivateRuleSet")
            .WithSummary("Make the draft the active rule set (version + 1; the previous one goes to history); existing profiles are re-resolved in the background: poll the asyncEvent (startBatchIdRes)")
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

        return RuleSetRoutes.Listed(http, domain, await grains.GetGrain<IDomainGrain>(domain).ListRuleSetsAsync(history));
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        var (rules, invalid) = await RuleSetRoutes.ReadRulesAsync(http);
        return invalid ?? RuleSetRoutes.Answer(http, await grains.GetGrain<IDomainGrain>(domain).SaveRuleSetDraftAsync(rules!), new UcpResponse());
    }

    private static async Task<IResult> ActivateAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        var result = await grains.GetGrain<IDomainGrain>(domain).ActivateRuleSetAsync();
        if (result.Outcome != RuleSetOutcome.Done || result.RuleSet is not { } active)
        {
            return RuleSetRoutes.Answer(http, result, new UcpResponse());
        }

        // The event follows the background re-resolution of existing profiles under the new version (UPT could not poll it).
        var job = await grains.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString()).TrackResolutionAsync(domain, active.LatestVersion, http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { AsyncEvent = AsyncEvents.ToContract(job) });
    }
}
