namespace Upt.Kinesis;

/// <summary>Settings of <see cref="WebIdentityCredentialsProvider"/> (Kubernetes service accounts / IRSA).</summary>
public sealed class WebIdentityCredentialsOptions
{
    /// <summary>The file holding the OIDC token (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c>); re-read on every refresh because it rotates.</summary>
    public string TokenFile { get; set; } = string.Empty;

    /// <summary>The role to assume (<c>AWS_ROLE_ARN</c>).</summary>
    public string RoleArn { get; set; } = string.Empty;

    /// <summary>The role session name (<c>AWS_ROLE_SESSION_NAME</c>); null generates one.</summary>
    public string? RoleSessionName { get; set; }

    /// <summary>The STS region (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, else <c>us-east-1</c>).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The STS endpoint; null means <c>https://sts.{Region}.amazonaws.com</c> (<c>AWS_ENDPOINT_URL_STS</c> sets it).</summary>
    public Uri? StsEndpoint { get; set; }

    /// <summary>How long before expiry the credentials are refreshed.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The STS endpoint in use.</summary>
    public Uri ResolveStsEndpoint() => StsEndpoint ?? new Uri($"https://sts.{Region}.amazonaws.com/");

    /// <summary>Reads the settings from the environment; null when <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> or <c>AWS_ROLE_ARN</c> is unset.</summary>
    public static WebIdentityCredentialsOptions? FromEnvironment(IEnvironmentReader? environment = null)
    {
        var env = environment ?? SystemEnvironmentReader.Instance;
        var tokenFile = env.GetVariable("AWS_WEB_IDENTITY_TOKEN_FILE");
        var roleArn = env.GetVariable("AWS_ROLE_ARN");
        if (tokenFile is null || roleArn is null)
        {
            return null;
        }

        return new WebIdentityCredentialsOptions
        {
            TokenFile = tokenFile,
            RoleArn = roleArn,
            RoleSessionName = env.GetVariable("AWS_ROLE_SESSION_NAME"),
            Region = env.GetVariable("AWS_REGION") ?? env.GetVariable("AWS_DEFAULT_REGION") ?? "us-east-1",
            StsEndpoint = env.GetVariable("AWS_ENDPOINT_URL_STS") is { } url ? new Uri(url) : null,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TokenFile))
        {
            errors.Add("TokenFile must be set.");
        }

        if (string.IsNullOrWhiteSpace(RoleArn) || !RoleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            errors.Add($"RoleArn must be a role ARN (was \"{RoleArn}\").");
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            errors.Add("Region must be set.");
        }

        if (StsEndpoint is not null && !StsEndpoint.IsAbsoluteUri)
        {
            errors.Add("StsEndpoint must be absolute.");
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero)
        {
            errors.Add("RefreshBeforeExpiry must not be negative.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid WebIdentityCredentialsOptions: " + string.Join(" ", errors));
        }
    }
}
