using System.Globalization;
using System.Text.Json;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Grains;
using Upt.Rules;

namespace Upt.Api.Endpoints;

/// <summary>
/// What <c>/api/ucp/ruleSet</c> and <c>/api/ucp/ruleSetCache</c> share: UPT's <c>includesHistorical</c> flag, the
/// <c>saveRuleSetRq</c> body, the list answer and the answer to a save or an activation.
/// </summary>
internal static class RuleSetRoutes
{
    /// <summary>Reads <c>includesHistorical</c> (absent: false); false with a 400 answer when it is not a boolean.</summary>
    public static bool TryIncludesHistorical(HttpContext http, string? text, out bool history, out IResult? failure)
    {
        history = false;
        failure = null;
        if (string.IsNullOrEmpty(text) || bool.TryParse(text.ToLower(CultureInfo.InvariantCulture), out history))
        {
            return true;
        }

        failure = UcpContext.Fail(http, 400, $"validation error: includesHistorical must be true or false, got '{text}'");
        return false;
    }

    /// <summary>The rules of <c>{"saveRuleSetRq": {"rules": [...]}}</c>, or the 400 answer for a body of another shape.</summary>
    public static async Task<(IReadOnlyList<Rule>? Rules, IResult? Failure)> ReadRulesAsync(HttpContext http)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("saveRuleSetRq", out var rq)
                || rq.ValueKind != JsonValueKind.Object || !rq.TryGetProperty("rules", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return (null, UcpContext.Fail(http, 400, "validation error: saveRuleSetRq.rules (an array) is required"));
            }

            return (RuleJson.DeserializeRules(array), null);
        }
        catch (JsonException ex)
        {
            return (null, UcpContext.Fail(http, 400, $"validation error: request body is not valid JSON of the expected shape ({ex.Message})"));
        }
    }

    /// <summary>The sets with the <c>_profile</c> field names for the editor; 404 when the domain does not exist (null).</summary>
    public static IResult Listed(HttpContext http, string domain, IReadOnlyList<RuleSet>? sets) => sets is null
        ? UcpContext.Fail(http, 404, $"domain {domain} not found", "not_found")
        : UcpContext.Ok(http, new UcpResponse { RuleSets = sets, ProfileMappings = RuleFieldCatalog.ProfileFields });

    /// <summary><paramref name="success"/> when done; 404 for a missing domain; 400 with every validation message otherwise.</summary>
    public static IResult Answer(HttpContext http, RuleSetResult result, UcpResponse success) => result.Outcome switch
    {
        RuleSetOutcome.Done => UcpContext.Ok(http, success),
        RuleSetOutcome.DomainNotFound => UcpContext.Fail(http, 404, string.Join("; ", result.Errors), "not_found"),
        _ => UcpContext.Fail(http, 400, $"validation error: {string.Join("; ", result.Errors)}"),
    };
}
