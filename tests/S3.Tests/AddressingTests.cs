using System.Net;
using System.Net.Sockets;
using System.Text;
using Upt.S3.Internal;

namespace Upt.S3.Tests;

/// <summary>Endpoint resolution, path-style vs virtual-hosted style, key encoding, and that URIs reach the wire unchanged.</summary>
public sealed class AddressingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, null, "eu-west-1", "upt-data", "a b/ü+=.json", "https://upt-data.s3.eu-west-1.amazonaws.com/a%20b/%C3%BC%2B%3D.json")]
    [InlineData(null, true, "eu-west-1", "upt-data", "k", "https://s3.eu-west-1.amazonaws.com/upt-data/k")]
    [InlineData(null, null, "us-east-1", "dotted.bucket.name", "k", "https://s3.us-east-1.amazonaws.com/dotted.bucket.name/k")]
    [InlineData(null, null, "us-east-1", "Legacy_Bucket", "k", "https://s3.us-east-1.amazonaws.com/Legacy_Bucket/k")]
    [InlineData("http://127.0.0.1:4569", null, "us-east-1", "bkt", "x/y", "http://127.0.0.1:4569/bkt/x/y")]
    [InlineData("http://127.0.0.1:4569", false, "us-east-1", "bkt", "x", "http://127.0.0.1:4569/bkt/x")]
    [InlineData("http://minio.local:9000/base/", null, "us-east-1", "bkt", "x", "http://minio.local:9000/base/bkt/x")]
    [InlineData("http://minio.local:9000/", false, "us-east-1", "bkt", "x", "http://bkt.minio.local:9000/x")]
    [InlineData("http://minio.local:9000/", false, "us-east-1", "dotted.ok.over.http", "x", "http://dotted.ok.over.http.minio.local:9000/x")]
    [InlineData("http://h/", null, "us-east-1", "b", "a/../b/./c//d", "http://h/b/a/../b/./c//d")]
    [InlineData("http://h/", null, "us-east-1", "b", "~-_.!*'()%", "http://h/b/~-_.%21%2A%27%28%29%25")]
    public void Object_uris(string? serviceUrl, bool? forcePathStyle, string region, string bucket, string key, string expected)
    {
        var options = new S3ClientOptions { ServiceUrl = serviceUrl is null ? null : new Uri(serviceUrl), ForcePathStyle = forcePathStyle, Region = region };
        Assert.Equal(expected, new S3Endpoints(options).For(bucket, key).OriginalString);
    }

    [Fact]
    public void Bucket_uris_carry_no_trailing_key()
    {
        Assert.Equal("http://h:1/bkt?list-type=2&prefix=a%2Fb", new S3Endpoints(new S3ClientOptions { ServiceUrl = new Uri("http://h:1") }).For("bkt", null, [new("list-type", "2"), new("prefix", "a/b")]).OriginalString);
        Assert.Equal("https://bkt.s3.ap-south-1.amazonaws.com/", new S3Endpoints(new S3ClientOptions { Region = "ap-south-1" }).For("bkt", null).OriginalString);
    }

    [Fact]
    public async Task Dot_segments_and_double_slashes_reach_the_wire_verbatim()
    {
        // System.Uri would normally resolve "a/../b" to "b" and address another object; the client must send the key as is.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requestLine = AcceptOneAsync(listener);
        using var client = new S3Client(TestClients.Options(new Uri($"http://127.0.0.1:{port}"), maxRetries: 0), credentials: TestClients.S3rverCredentials);
        Assert.NotNull(await client.HeadObjectAsync("bkt", "a/../b c/./d//e", Ct));
        Assert.Equal("HEAD /bkt/a/../b%20c/./d//e HTTP/1.1", await requestLine);
    }

    private static async Task<string> AcceptOneAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptTcpClientAsync(Ct);
        var stream = socket.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, Ct);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), Ct);
        return head.ToString().Split("\r\n")[0];
    }
}
