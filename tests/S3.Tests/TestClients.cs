using Upt.Kinesis;
using Upt.TestSupport;

namespace Upt.S3.Tests;

internal static class TestClients
{
    public static readonly StaticCredentialsProvider S3rverCredentials = new(S3rverFixture.AccessKeyId, S3rverFixture.SecretAccessKey);

    /// <summary>A client for s3rver with fast retries; <paramref name="http"/> lets a test count or observe attempts.</summary>
    public static S3Client For(Uri endpoint, IAwsCredentialsProvider? credentials = null, int maxRetries = 3, HttpClient? http = null) => new(
        Options(endpoint, maxRetries),
        http,
        credentials ?? S3rverCredentials);

    public static S3ClientOptions Options(Uri endpoint, int maxRetries = 3) => new()
    {
        ServiceUrl = endpoint,
        Region = S3rverFixture.Region,
        MaxRetries = maxRetries,
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(30),
    };
}
