namespace Upt.Kinesis;

/// <summary>
/// Static keys from the shared files: <c>~/.aws/credentials</c> (<c>[name]</c> sections, overridable with <c>AWS_SHARED_CREDENTIALS_FILE</c>)
/// and <c>~/.aws/config</c> (<c>[default]</c> and <c>[profile name]</c> sections, overridable with <c>AWS_CONFIG_FILE</c>).
/// The profile is <c>AWS_PROFILE</c> or <c>default</c>; the credentials file wins over the config file. Files are re-read on every call.
/// </summary>
public sealed class ProfileCredentialsProvider : IAwsCredentialsProvider
{
    private readonly IEnvironmentReader _environment;
    private readonly string? _profile;

    /// <summary>Reads the profile <paramref name="profile"/> (null: <c>AWS_PROFILE</c> or <c>default</c>).</summary>
    public ProfileCredentialsProvider(string? profile = null, IEnvironmentReader? environment = null)
    {
        _environment = environment ?? SystemEnvironmentReader.Instance;
        _profile = profile;
    }

    /// <summary>The profile name in use.</summary>
    public string ProfileName => _profile ?? _environment.GetVariable("AWS_PROFILE") ?? "default";

    /// <summary>The shared credentials file path.</summary>
    public string CredentialsFile => _environment.GetVariable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(_environment.HomeDirectory, ".aws", "credentials");

    /// <summary>The shared config file path.</summary>
    public string ConfigFile => _environment.GetVariable("AWS_CONFIG_FILE") ?? Path.Combine(_environment.HomeDirectory, ".aws", "config");

    /// <summary>Finds the profile's keys, or explains (in <paramref name="reason"/>) why there are none.</summary>
    public AwsCredentials? TryGetCredentials(out string reason)
    {
        var profile = ProfileName;
        var fromCredentials = ReadSection(CredentialsFile, profile, isConfig: false);
        var fromConfig = ReadSection(ConfigFile, profile, isConfig: true);
        foreach (var section in new[] { fromCredentials, fromConfig })
        {
            if (section is not null
                && section.TryGetValue("aws_access_key_id", out var id) && id.Length > 0
                && section.TryGetValue("aws_secret_access_key", out var secret) && secret.Length > 0)
            {
                section.TryGetValue("aws_session_token", out var token);
                reason = string.Empty;
                return new AwsCredentials(id, secret, string.IsNullOrEmpty(token) ? null : token);
            }
        }

        reason = fromCredentials is null && fromConfig is null
            ? $"profile \"{profile}\" not found in {CredentialsFile} or {ConfigFile}"
            : $"profile \"{profile}\" has no aws_access_key_id/aws_secret_access_key";
        return null;
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        TryGetCredentials(out var reason) is { } credentials
            ? ValueTask.FromResult(credentials)
            : throw new AwsCredentialsException($"No shared-file credentials: {reason}.");

    /// <summary>Reads one section of an INI-style AWS file; null when the file or the section is missing.</summary>
    internal static Dictionary<string, string>? ReadSection(string path, string profile, bool isConfig)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        Dictionary<string, string>? found = null;
        var inTarget = false;
        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var end = line.IndexOf(']', StringComparison.Ordinal);
                var name = (end > 0 ? line[1..end] : line[1..]).Trim();
                if (isConfig && name.StartsWith("profile ", StringComparison.Ordinal))
                {
                    name = name["profile ".Length..].Trim();
                }
                else if (isConfig && name != "default")
                {
                    inTarget = false; // e.g. [sso-session x] or [services y]
                    continue;
                }

                inTarget = name == profile;
                if (inTarget)
                {
                    found ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                continue;
            }

            if (!inTarget || found is null)
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            found[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        return found;
    }
}
