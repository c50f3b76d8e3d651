using System.Text.Json;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;

namespace Upt.Api.Endpoints;

/// <summary>The privacy routes that change something: start a search or a purge, delete searches.</summary>
public static partial class PrivacyApi
{
    private static async Task<IResult> SearchAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var invalidDomain))
        {
            return invalidDomain!;
        }

        var (body, parseError) = await ReadAsync(http);
        if (parseError is not null)
        {
            return parseError;
        }

        if (PrivacyRequestValidation.SearchIds(body!.Value, out var error) is not { } connectIds)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        var started = await Privacy(grains, domain).StartSearchAsync(connectIds, http.TxId(), http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { AsyncEvent = AsyncEvents.ToContract(started) });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var invalidDomain))
        {
            return invalidDomain!;
        }

        var (body, parseError) = await ReadAsync(http, allowEmpty: true);
        if (parseError is not null)
        {
            return UcpContext.Fail(http, 400, "validation error: error parsing connect ids");
        }

        if (PrivacyRequestValidation.DeleteIds(body, out var error) is not { } connectIds)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        await Privacy(grains, domain).DeleteAsync(connectIds, http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse());
    }

    private static async Task<IResult> PurgeAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var invalidDomain))
        {
            return invalidDomain!;
        }

        var (body, parseError) = await ReadAsync(http);
        if (parseError is not null)
        {
            return parseError;
        }

        if (PrivacyRequestValidation.PurgeIds(body!.Value, out var error) is not { } connectIds)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        // UPT's rule: the token's user is the operator, whatever the body says; only without authentication (local
        // runs) does the body's agentCognitoId count.
        var operatorId = http.User.Identity?.IsAuthenticated == true ? CallerSubject.Of(http.User) : BodyOperator(body.Value);
        if (string.IsNullOrEmpty(operatorId) || UcpValidation.ValueError("operator", operatorId) is not null)
        {
            return UcpContext.Fail(http, 400, $"validation error: [{PrivacyRequestValidation.PurgeName}] username is empty");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        var started = await Privacy(grains, domain).StartPurgeAsync(connectIds, operatorId, http.TxId(), http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { AsyncEvent = AsyncEvents.ToContract(started) });
    }

    /// <summary>The body as JSON (null for an empty body when <paramref name="allowEmpty"/>), or the 400 answer.</summary>
    private static async Task<(JsonElement? Body, IResult? Failure)> ReadAsync(HttpContext http, bool allowEmpty = false)
    {
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            var text = await reader.ReadToEndAsync(http.RequestAborted);
            if (allowEmpty && string.IsNullOrWhiteSpace(text))
            {
                return (null, null);
            }

            using var document = JsonDocument.Parse(text);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (null, UcpContext.Fail(http, 400, $"validation error: request body is not valid JSON of the expected shape ({ex.Message})"));
        }
    }

    private static string? BodyOperator(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("createPrivacyPurgeRq", out var rq) && rq.ValueKind == JsonValueKind.Object
        && rq.TryGetProperty("agentCognitoId", out var agent) && agent.ValueKind == JsonValueKind.String
            ? agent.GetString()
            : null;
}
