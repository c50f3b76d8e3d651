using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Upt.DevInfra;

namespace Upt.Kinesis.Tests;

/// <summary>A tiny HTTP server on 127.0.0.1 that answers with a handler and records what it received.</summary>
internal sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<Received, int, (int Status, string Body)> _handler;
    private readonly Task _loop;
    private int _count;

    public FakeHttpServer(Func<Received, int, (int Status, string Body)> handler, string contentType = "application/x-amz-json-1.1")
    {
        _handler = handler;
        ContentType = contentType;
        var port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public string ContentType { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // listener closed
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = ctx.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => ctx.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var received = new Received(ctx.Request.HttpMethod, ctx.Request.Url!.PathAndQuery, headers, body);
            Requests.Enqueue(received);
            var (status, answer) = _handler(received, Interlocked.Increment(ref _count));
            var bytes = Encoding.UTF8.GetBytes(answer);
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = ContentType;
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
    }

    public sealed record Received(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
}
