using Upt.Api.Contracts;

namespace Upt.Api.Hosting;

/// <summary>Per-request UPT conventions: the transaction id (from <c>aws-tah-tx-id</c> or new) and result helpers.</summary>
public static class UcpContext
{
    public const string DomainHeader = "customer-profiles-domain";
    public const string TxHeader = "aws-tah-tx-id";

    /// <summary>The request's transaction id, echoed in the response header by <see cref="TransactionIdMiddleware"/>.</summary>
    public static string TxId(this HttpContext http) => (string)(http.Items[TxHeader] ??= Guid.NewGuid().ToString());

    public static IResult Ok(HttpContext http, UcpResponse response) => Results.Json(response with { TxId = http.TxId() }, statusCode: 200);

    public static IResult Fail(HttpContext http, int status, string message, string type = "validation_error") =>
        Results.Json(new UcpResponse { TxId = http.TxId(), Error = new UcpError(status.ToString(System.Globalization.CultureInfo.InvariantCulture), message, type) }, statusCode: status);
}
