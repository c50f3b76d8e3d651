using System.Globalization;
using System.Text.Json;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Grains;
using Upt.Rules;

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

        if (!TryFlag(includesHistorical, out var history))
        {
            return UcpContext.Fail(http, 400, $"validation error: includesHistorical must be true or false, got '{includesHistorical}'");
        }

        var sets = await grains.GetGrain<IDomainGrain>(domain).ListRuleSetsAsync(history);
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

        var result = await grains.GetGrain<IDomainGrain>(domain).SaveRuleSetDraftAsync(rules);
        return Answer(http, result, new UcpResponse());
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
            return Answer(http, result, new UcpResponse());
        }

        // The event follows the background re-resolution of existing profiles under the new version (UPT could not poll it).
        var job = await grains.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString()).TrackResolutionAsync(domain, active.LatestVersion, http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { AsyncEvent = AsyncEvents.ToContract(job) });
    }

    private static IResult Answer(HttpContext http, RuleSetResult result, UcpResponse success) => result.Outcome switch
    {
        RuleSetOutcome.Done => UcpContext.Ok(http, success),
        RuleSetOutcome.DomainNotFound => UcpContext.Fail(http, 404, string.Join("; ", result.Errors), "not_found"),
        _ => UcpContext.Fail(http, 400, $"validation error: {string.Join("; ", result.Errors)}"),
    };

    private static bool TryFlag(string? text, out bool value)
    {
        value = false;
        return string.IsNullOrEmpty(text) || bool.TryParse(text.ToLower(CultureInfo.InvariantCulture), out value);
    }
}
