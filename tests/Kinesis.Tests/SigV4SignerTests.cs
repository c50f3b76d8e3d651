using System.Text;
using System.Text.Json;
using Upt.TestSupport;
using Xunit;

namespace Upt.Kinesis.Tests;

/// <summary>Our signer must produce exactly the headers of the official @smithy/signature-v4.</summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly AwsCredentials Session = new("ASIAEXAMPLE", "c2VjcmV0/with+chars=", "FwoGZXIvYXdzEBYaDH//session+token==");

    private static readonly SignCase[] Cases =
    [
        new("kinesis json post", "POST", "https://kinesis.us-east-1.amazonaws.com/",
            H(("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "Kinesis_20131202.PutRecord")),
            """{"StreamName":"s","Data":"AAEC","PartitionKey":"pk"}""", "kinesis", "us-east-1", Keys, "2024-01-02T03:04:05Z"),
        new("kinesis with session token", "POST", "https://kinesis.eu-west-1.amazonaws.com/",
            H(("content-type", "application/x-amz-json-1.1"), ("x-amz-target", "Kinesis_20131202.GetRecords")),
            """{"ShardIterator":"AAAA","Limit":10000}""", "kinesis", "eu-west-1", Session, "2025-06-30T23:59:59Z"),
        new("query reserved chars", "GET", "https://example.amazonaws.com/path?b=hello world&a=1&c=%2F%3D%26%25&d=ünï&e=*!'()&f=a+b&g=~x_y.z-",
            H(), null, "kinesis", "us-west-2", Keys, "2024-02-29T12:00:00Z"),
        new("repeated keys and empty values", "GET", "https://example.amazonaws.com/?k=2&k=1&k=10&k=b&a=&flag&Z=last",
            H(), null, "s3", "us-east-1", Keys, "2024-03-01T00:00:00Z", UriEscapePath: false),
        new("s3 path with spaces and unicode", "PUT", "https://bucket.s3.eu-central-1.amazonaws.com/my folder/ünïcødé file €.txt",
            H(("Content-Type", "text/plain; charset=utf-8")), "hello s3 ✓", "s3", "eu-central-1", Keys, "2024-04-05T06:07:08Z", UriEscapePath: false),
        new("kinesis path normalization and double encoding", "GET", "https://example.amazonaws.com/a b/ü/x/../c/./d//e%20f/",
            H(), null, "kinesis", "us-east-1", Keys, "2024-05-06T07:08:09Z"),
        new("sts empty body", "GET", "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15",
            H(), null, "sts", "us-east-1", Keys, "2023-12-31T23:59:59Z"),
        new("headers whitespace and case", "POST", "https://kinesis.ap-northeast-1.amazonaws.com/",
            H(("X-Custom-Header", "  a   b \t c  "), ("x-MIXED-case", "Value\twith\t\ttabs"), ("User-Agent", "ua/1.0"), ("Date", "Mon, 01 Jan 2024 00:00:00 GMT"),
              ("X-Amzn-Trace-Id", "Root=1"), ("x-amz-meta-multi", "line1\r\nline2"), ("Content-Type", "application/x-amz-json-1.1")),
            "{}", "kinesis", "ap-northeast-1", Keys, "2024-07-08T09:10:11Z"),
        new("s3 unsigned payload header", "PUT", "https://bucket.s3.amazonaws.com/key%20with%20spaces",
            H(("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), ("Content-Length", "5")), "ignored", "s3", "us-east-1", Session, "2024-08-09T10:11:12Z", UriEscapePath: false),
        new("host with port", "POST", "http://127.0.0.1:4567/",
            H(("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "Kinesis_20131202.ListShards")),
            """{"StreamName":"x"}""", "kinesis", "us-east-1", Keys, "2024-09-10T11:12:13Z"),
        new("sts form post", "POST", "https://sts.ap-southeast-2.amazonaws.com/",
            H(("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
            "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&RoleSessionName=s", "sts", "ap-southeast-2", Session, "2024-10-11T12:13:14Z"),
        new("no checksum header", "POST", "https://kinesis.sa-east-1.amazonaws.com/",
            H(("Content-Type", "application/x-amz-json-1.1")), "{\"a\":1}", "kinesis", "sa-east-1", Keys, "2024-11-12T13:14:15Z", ApplyChecksum: false),
        new("aws test suite get-vanilla", "GET", "https://example.amazonaws.com/",
            H(), null, "service", "us-east-1", Keys, "2015-08-30T12:36:00Z", ApplyChecksum: false),
        new("binary body", "POST", "https://kinesis.us-east-2.amazonaws.com/",
            H(("content-type", "application/octet-stream")), null, "kinesis", "us-east-2", Keys, "2024-12-31T23:59:59Z", BodyBase64: Convert.ToBase64String([0, 1, 2, 0xFF, 0xFE, 0x80, 0x7F])),
    ];

    [Fact]
    public async Task Signs_like_smithy_signature_v4()
    {
        Assert.True(Cases.Length >= 10);
        var input = JsonSerializer.Serialize(Cases.Select(c => new Dictionary<string, object?>
        {
            ["method"] = c.Method,
            ["url"] = c.Url,
            ["headers"] = c.Headers.ToDictionary(h => h.Key, h => h.Value),
            ["body"] = c.Body,
            ["bodyBase64"] = c.BodyBase64,
            ["service"] = c.Service,
            ["region"] = c.Region,
            ["accessKeyId"] = c.Credentials.AccessKeyId,
            ["secretAccessKey"] = c.Credentials.SecretAccessKey,
            ["sessionToken"] = c.Credentials.SessionToken,
            ["date"] = c.Date,
            ["uriEscapePath"] = c.UriEscapePath,
            ["applyChecksum"] = c.ApplyChecksum,
        }));
        var output = await NodeScript.RunAsync("sign.mjs", [], input, TimeSpan.FromSeconds(60));
        var expected = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(output)!;
        Assert.Equal(Cases.Length, expected.Count);

        for (var i = 0; i < Cases.Length; i++)
        {
            var c = Cases[i];
            var body = c.BodyBase64 is not null ? Convert.FromBase64String(c.BodyBase64) : c.Body is null ? [] : Encoding.UTF8.GetBytes(c.Body);
            var result = SigV4Signer.Sign(
                new SigV4Request
                {
                    Method = c.Method,
                    Uri = new Uri(c.Url),
                    Headers = c.Headers,
                    Body = body,
                    Service = c.Service,
                    Region = c.Region,
                    UriEscapePath = c.UriEscapePath,
                    ApplyChecksum = c.ApplyChecksum,
                },
                c.Credentials,
                DateTimeOffset.Parse(c.Date, System.Globalization.CultureInfo.InvariantCulture));
            var actual = result.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);
            Assert.True(
                expected[i].OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(actual.OrderBy(p => p.Key, StringComparer.Ordinal)),
                $"case '{c.Name}':\n smithy: {JsonSerializer.Serialize(expected[i])}\n ours:   {JsonSerializer.Serialize(actual)}\n canonical request:\n{result.CanonicalRequest}");
        }
    }

    [Fact]
    public void Matches_the_aws_test_suite_get_vanilla_signature()
    {
        // From the AWS SigV4 test suite ("get-vanilla").
        var result = SigV4Signer.Sign(
            new SigV4Request { Method = "GET", Uri = new Uri("https://example.amazonaws.com/"), Service = "service", Region = "us-east-1", ApplyChecksum = false },
            Keys,
            new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Authorization);
    }

    [Fact]
    public void Session_token_is_sent_and_signed_and_signing_keys_are_cached()
    {
        var request = new SigV4Request { Method = "POST", Uri = new Uri("https://kinesis.us-east-1.amazonaws.com/"), Service = "kinesis", Region = "us-east-1" };
        var result = SigV4Signer.Sign(request, Session, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains(result.Headers, h => h.Key == "x-amz-security-token" && h.Value == Session.SessionToken);
        Assert.Contains("x-amz-security-token", result.SignedHeaders.Split(';'));
        var k1 = SigV4Signer.GetSigningKey(Session, "20240101", "us-east-1", "kinesis");
        var k2 = SigV4Signer.GetSigningKey(Session, "20240101", "us-east-1", "kinesis");
        Assert.Same(k1, k2);
        Assert.NotEqual(k1, SigV4Signer.GetSigningKey(Session, "20240102", "us-east-1", "kinesis"));
    }

    [Fact]
    public void Credentials_to_string_redacts_secrets()
    {
        var text = Session.ToString();
        Assert.Contains("ASIAEXAMPLE", text);
        Assert.DoesNotContain(Session.SecretAccessKey, text);
        Assert.DoesNotContain(Session.SessionToken!, text);
    }

    private static List<KeyValuePair<string, string>> H(params (string Name, string Value)[] headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();

    private sealed record SignCase(
        string Name,
        string Method,
        string Url,
        List<KeyValuePair<string, string>> Headers,
        string? Body,
        string Service,
        string Region,
        AwsCredentials Credentials,
        string Date,
        bool UriEscapePath = true,
        bool ApplyChecksum = true,
        string? BodyBase64 = null);
}
