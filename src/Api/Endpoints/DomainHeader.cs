using Upt.Grains;
using Upt.Api.Hosting;
using Upt.Api.Validation;

namespace Upt.Api.Endpoints;

/// <summary>Reads and validates the <c>customer-profiles-domain</c> header.</summary>
internal static class DomainHeader
{
    public static bool TryGet(HttpContext http, out string domain, out IResult? failure)
    {
        domain = http.Request.Headers[UcpContext.DomainHeader].ToString();
        if (UcpValidation.DomainError(domain) is { } error)
        {
            failure = UcpContext.Fail(http, 400, $"validation error: {error}");
            return false;
        }

        failure = null;
        return true;
    }

    /// <summary>A 404 in UPT's envelope when <paramref name="domain"/> does not exist, else null.</summary>
    public static async Task<IResult?> MissingAsync(HttpContext http, IGrainFactory grains, string domain) =>
        await grains.GetGrain<IDomainGrain>(domain).GetSettingsAsync() is null
            ? UcpContext.Fail(http, 404, $"domain {domain} not found", "not_found")
            : null;
}
