namespace Upt.Kinesis;

/// <summary>Always returns the same credentials.</summary>
public sealed class StaticCredentialsProvider : IAwsCredentialsProvider
{
    private readonly AwsCredentials _credentials;

    /// <summary>Wraps fixed credentials.</summary>
    public StaticCredentialsProvider(AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.AccessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(credentials.SecretAccessKey);
        _credentials = credentials;
    }

    /// <summary>Wraps a fixed access key pair and optional session token.</summary>
    public StaticCredentialsProvider(string accessKeyId, string secretAccessKey, string? sessionToken = null)
        : this(new AwsCredentials(accessKeyId, secretAccessKey, sessionToken))
    {
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_credentials);
}
