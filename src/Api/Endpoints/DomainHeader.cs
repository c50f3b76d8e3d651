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
}
