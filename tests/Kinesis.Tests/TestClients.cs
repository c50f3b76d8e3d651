namespace Upt.Kinesis.Tests;

internal static class TestClients
{
    public static readonly StaticCredentialsProvider Credentials = new("AKIDUPTTEST", "upt-test-secret");

    public static KinesisClient For(Uri endpoint, int maxRetries = 8) => new(
        new KinesisClientOptions
        {
            ServiceUrl = endpoint,
            Region = "us-east-1",
            MaxRetries = maxRetries,
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
        },
        credentials: Credentials);
}
