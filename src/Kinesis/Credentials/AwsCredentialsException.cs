namespace Upt.Kinesis;

/// <summary>Credentials could not be resolved (missing configuration, unreadable files, STS failure).</summary>
public sealed class AwsCredentialsException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public AwsCredentialsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public AwsCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
