using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Upt.Kinesis;
using Upt.TestSupport;

namespace Upt.S3.Tests;

/// <summary>
/// The requests our client puts on the wire carry exactly the Authorization header that the official @smithy/signature-v4
/// (service s3, uriEscapePath false, as the AWS JS S3 client configures it) computes for the same method, URL, headers and time.
/// </summary>
public sealed class WireSignatureTests
{
    private static readonly AwsCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly AwsCredentials Session = new("ASIAEXAMPLE", "c2VjcmV0/with+chars=", "FwoGZXIvYXdzEBYaDH//session+token==");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_requests_are_signed_like_smithy_signature_v4()
    {
        var captured = new List<(StubHandler.Received Request, string Region)>();

        // Path style against an S3-compatible endpoint with a base path: ListObjectsV2 with every query parameter.
        var minio = new S3ClientOptions { ServiceUrl = new Uri("https://minio.example.com:9000/s3/"), Region = "eu-central-1", MaxRetries = 0 };
        captured.AddRange(await CaptureAsync(minio, Keys, async c =>
        {
            await c.ListObjectsV2Async(
                "ingest-bucket",
                new ListObjectsV2Request { Prefix = "exports/2024 01/ünï+=&?", ContinuationToken = "1/AbC+dEf==", StartAfter = "a b", MaxKeys = 2, Delimiter = "/" },
                Ct);
            await using var get = await c.GetObjectAsync("ingest-bucket", "a b/ünïcødé ✓.txt", new ByteRange(5, 9), Ct);
            await c.HeadObjectAsync("ingest-bucket", "literal%2Fpercent/and+plus=equals", Ct);
        }));

        // Virtual-hosted style on AWS, with a session token: PutObject with a payload and a content type, DeleteObject, CreateBucket.
        var aws = new S3ClientOptions { Region = "eu-west-1", MaxRetries = 0 };
        captured.AddRange(await CaptureAsync(aws, Session, async c =>
        {
            await c.PutObjectAsync("upt-backups", "raw backups/ключ 🔑+=.json", Encoding.UTF8.GetBytes("{\"a\":\"ü\"}"), "application/json; charset=utf-8", Ct);
            await c.DeleteObjectAsync("upt-backups", "raw backups/ключ 🔑+=.json", Ct);
            await c.CreateBucketAsync("upt-backups", Ct);
        }));

        Assert.Equal(6, captured.Count);
        Assert.Equal("upt-backups.s3.eu-west-1.amazonaws.com", captured[3].Request.Uri.Authority);
        Assert.Equal("/raw%20backups/%D0%BA%D0%BB%D1%8E%D1%87%20%F0%9F%94%91%2B%3D.json", captured[3].Request.Uri.AbsolutePath);
        Assert.Equal("/s3/ingest-bucket/a%20b/%C3%BCn%C3%AFc%C3%B8d%C3%A9%20%E2%9C%93.txt", captured[1].Request.Uri.AbsolutePath);

        var input = JsonSerializer.Serialize(captured.Select(c => new Dictionary<string, object?>
        {
            ["method"] = c.Request.Method,
            ["url"] = c.Request.Uri.OriginalString,
            ["headers"] = c.Request.Headers
                .Where(h => h.Key is not ("authorization" or "x-amz-date" or "content-length"))
                .ToDictionary(h => h.Key, h => h.Value),
            ["bodyBase64"] = Convert.ToBase64String(c.Request.Body),
            ["service"] = "s3",
            ["region"] = c.Region,
            ["accessKeyId"] = c.Request.Headers.ContainsKey("x-amz-security-token") ? Session.AccessKeyId : Keys.AccessKeyId,
            ["secretAccessKey"] = c.Request.Headers.ContainsKey("x-amz-security-token") ? Session.SecretAccessKey : Keys.SecretAccessKey,
            ["sessionToken"] = c.Request.Headers.GetValueOrDefault("x-amz-security-token"),
            ["date"] = DateTimeOffset.ParseExact(c.Request.Headers["x-amz-date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToString("O"),
            ["uriEscapePath"] = false,
        }));
        var output = await NodeScript.RunAsync("sign.mjs", [], input, TimeSpan.FromSeconds(60));
        var expected = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(output)!;
        Assert.Equal(captured.Count, expected.Count);
        for (var i = 0; i < captured.Count; i++)
        {
            var ours = captured[i].Request.Headers;
            Assert.True(
                expected[i]["authorization"] == ours["authorization"],
                $"request {i} ({captured[i].Request.Method} {captured[i].Request.Uri.OriginalString}):\n smithy: {expected[i]["authorization"]}\n ours:   {ours["authorization"]}");
            Assert.Equal(expected[i]["x-amz-content-sha256"], ours["x-amz-content-sha256"]);
        }

        // The payload hash is the real SHA-256 of the body, never UNSIGNED-PAYLOAD, for in-memory payloads.
        Assert.Equal(SigV4Signer.HashPayload(captured[3].Request.Body), captured[3].Request.Headers["x-amz-content-sha256"]);
        Assert.Contains("<LocationConstraint>eu-west-1</LocationConstraint>", Encoding.UTF8.GetString(captured[5].Request.Body), StringComparison.Ordinal);
    }

    private static async Task<List<(StubHandler.Received, string)>> CaptureAsync(S3ClientOptions options, AwsCredentials credentials, Func<S3Client, Task> run)
    {
        var handler = new StubHandler((r, _) => r.Method switch
        {
            "GET" when r.Uri.Query.Contains("list-type=2", StringComparison.Ordinal) =>
                StubHandler.Xml(HttpStatusCode.OK, "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"),
            "GET" => new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(new byte[5]) },
            "DELETE" => StubHandler.Empty(HttpStatusCode.NoContent),
            _ => StubHandler.Empty(HttpStatusCode.OK),
        });
        using var http = new HttpClient(handler);
        using var client = new S3Client(options, http, new StaticCredentialsProvider(credentials));
        await run(client);
        return handler.Requests.Select(r => (r, options.Region)).ToList();
    }
}
