namespace Upt.Kinesis;

/// <summary>Reads <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and optional <c>AWS_SESSION_TOKEN</c> on every call.</summary>
public sealed class EnvironmentCredentialsProvider : IAwsCredentialsProvider
{
    private readonly IEnvironmentReader _environment;

    /// <summary>Reads from <paramref name="environment"/>, by default the process environment.</summary>
    public EnvironmentCredentialsProvider(IEnvironmentReader? environment = null) => _environment = environment ?? SystemEnvironmentReader.Instance;

    /// <summary>True when both keys are set.</summary>
    public bool IsConfigured => _environment.GetVariable("AWS_ACCESS_KEY_ID") is not null && _environment.GetVariable("AWS_SECRET_ACCESS_KEY") is not null;

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var id = _environment.GetVariable("AWS_ACCESS_KEY_ID");
        var secret = _environment.GetVariable("AWS_SECRET_ACCESS_KEY");
        if (id is null || secret is null)
        {
            throw new AwsCredentialsException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set in the environment.");
        }

        return ValueTask.FromResult(new AwsCredentials(id, secret, _environment.GetVariable("AWS_SESSION_TOKEN")));
    }
}
