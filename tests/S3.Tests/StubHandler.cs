using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Upt.S3.Tests;

/// <summary>An in-process HTTP handler: answers with a function of (request, attempt number[, request cancellation]) and records each request and its body.</summary>
internal sealed class StubHandler(Func<StubHandler.Received, int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private int _count;

    public StubHandler(Func<Received, int, HttpResponseMessage> answer)
        : this((r, n, _) => Task.FromResult(answer(r, n)))
    {
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public static HttpResponseMessage Xml(HttpStatusCode status, string xml, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Empty(HttpStatusCode status, params (string Name, string Value)[] headers) => Xml(status, string.Empty, headers);

    public static string Error(string code, string message, string? requestId = null) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message>{(requestId is null ? string.Empty : $"<RequestId>{requestId}</RequestId>")}</Error>";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value), StringComparer.Ordinal);
        var received = new Received(request.Method.Method, request.RequestUri!, headers, body);
        Requests.Enqueue(received);
        var response = await answer(received, Interlocked.Increment(ref _count), cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public sealed record Received(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body);
}
