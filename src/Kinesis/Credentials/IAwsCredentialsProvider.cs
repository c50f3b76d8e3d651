namespace Upt.Kinesis;

/// <summary>Supplies AWS credentials; implementations cache and refresh temporary credentials themselves.</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Returns currently valid credentials, or throws <see cref="AwsCredentialsException"/>.</summary>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
