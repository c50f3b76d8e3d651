namespace Upt.Api.Hosting;

/// <summary>Adopts the caller's <c>aws-tah-tx-id</c> (≤ 36 characters, else 400) and echoes it on every response.</summary>
public sealed class TransactionIdMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Headers.TryGetValue(UcpContext.TxHeader, out var given) && given.ToString() is { Length: > 0 } tx)
        {
            if (tx.Length > 36)
            {
                await UcpContext.Fail(http, 400, "validation error: aws-tah-tx-id must be at most 36 characters").ExecuteAsync(http);
                return;
            }

            http.Items[UcpContext.TxHeader] = tx;
        }

        var id = http.TxId();
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[UcpContext.TxHeader] = id;
            return Task.CompletedTask;
        });
        await next(http);
    }
}
