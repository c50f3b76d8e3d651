namespace Upt.Kinesis;

/// <summary>
/// The default chain: environment keys, then web identity (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c>), then the shared profile files.
/// The first source that is configured is used from then on; when none is, the error lists what was tried.
/// </summary>
public sealed class DefaultCredentialsChain : IAwsCredentialsProvider, IDisposable
{
    private readonly IEnvironmentReader _environment;
    private readonly HttpClient? _stsHttpClient;
    private readonly object _gate = new();
    private IAwsCredentialsProvider? _chosen;

    /// <summary>Creates the chain over <paramref name="environment"/> (null: the process environment).</summary>
    /// <param name="environment">Where variables and the home folder come from.</param>
    /// <param name="stsHttpClient">The HTTP client for STS calls (not disposed); null lets the web identity provider create one.</param>
    public DefaultCredentialsChain(IEnvironmentReader? environment = null, HttpClient? stsHttpClient = null)
    {
        _environment = environment ?? SystemEnvironmentReader.Instance;
        _stsHttpClient = stsHttpClient;
    }

    /// <summary>The provider the chain settled on, or null before the first successful resolution.</summary>
    public IAwsCredentialsProvider? ChosenProvider => _chosen;

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        (_chosen ?? Choose()).GetCredentialsAsync(cancellationToken);

    /// <summary>Disposes the web identity provider if the chain created one.</summary>
    public void Dispose() => (_chosen as IDisposable)?.Dispose();

    private IAwsCredentialsProvider Choose()
    {
        lock (_gate)
        {
            if (_chosen is not null)
            {
                return _chosen;
            }

            var tried = new List<string>();
            var env = new EnvironmentCredentialsProvider(_environment);
            if (env.IsConfigured)
            {
                return _chosen = env;
            }

            tried.Add("environment: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY not set");

            if (WebIdentityCredentialsOptions.FromEnvironment(_environment) is { } webIdentity)
            {
                return _chosen = new WebIdentityCredentialsProvider(webIdentity, _stsHttpClient);
            }

            tried.Add("web identity: AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not both set");

            var profile = new ProfileCredentialsProvider(environment: _environment);
            if (profile.TryGetCredentials(out var reason) is not null)
            {
                return _chosen = profile;
            }

            tried.Add("shared files: " + reason);
            throw new AwsCredentialsException("No AWS credentials found. Tried " + string.Join("; ", tried) + ".");
        }
    }
}
