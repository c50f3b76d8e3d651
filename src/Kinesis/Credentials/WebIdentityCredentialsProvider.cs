using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Upt.Kinesis;

/// <summary>
/// Temporary credentials from STS <c>AssumeRoleWithWebIdentity</c> (unsigned Query API call) with the token in a file,
/// as Kubernetes service accounts provide it. Cached until <see cref="WebIdentityCredentialsOptions.RefreshBeforeExpiry"/> before expiry;
/// the token file is re-read on each refresh.
/// </summary>
public sealed partial class WebIdentityCredentialsProvider : IAwsCredentialsProvider, IDisposable
{
    private readonly WebIdentityCredentialsOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile AwsCredentials? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">Token file, role, region and endpoint; validated here.</param>
    /// <param name="httpClient">The HTTP client for STS (not disposed); null creates one.</param>
    /// <param name="timeProvider">The clock (for tests); null is the system clock.</param>
    /// <param name="logger">Logs refreshes (never the token or keys).</param>
    public WebIdentityCredentialsProvider(WebIdentityCredentialsOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger<WebIdentityCredentialsProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var current = _cached;
        if (current is not null && IsFresh(current))
        {
            return current;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _cached;
            if (current is not null && IsFresh(current))
            {
                return current;
            }

            var fresh = await AssumeRoleAsync(cancellationToken).ConfigureAwait(false);
            _cached = fresh;
            LogRefreshed(_logger, _options.RoleArn, fresh.AccessKeyId, fresh.Expiration);
            return fresh;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Disposes the private HTTP client, if any.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        _refresh.Dispose();
    }

    private bool IsFresh(AwsCredentials credentials) =>
        credentials.Expiration is not { } expires || _time.GetUtcNow() < expires - _options.RefreshBeforeExpiry;

    private async Task<AwsCredentials> AssumeRoleAsync(CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(_options.TokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (IOException e)
        {
            throw new AwsCredentialsException($"Cannot read the web identity token file {_options.TokenFile}.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AwsCredentialsException($"Cannot read the web identity token file {_options.TokenFile}.", e);
        }

        if (token.Length == 0)
        {
            throw new AwsCredentialsException($"The web identity token file {_options.TokenFile} is empty.");
        }

        var sessionName = _options.RoleSessionName
            ?? "upt-" + _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var content = new FormUrlEncodedContent(
        [
            new("Action", "AssumeRoleWithWebIdentity"),
            new("Version", "2011-06-15"),
            new("RoleArn", _options.RoleArn),
            new("RoleSessionName", sessionName),
            new("WebIdentityToken", token),
        ]);
        var endpoint = _options.ResolveStsEndpoint();
        string body;
        int status;
        try
        {
            using var response = await _http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AwsCredentialsException($"STS AssumeRoleWithWebIdentity at {endpoint} failed: {e.Message}", e);
        }

        XDocument xml;
        try
        {
            xml = XDocument.Parse(body);
        }
        catch (System.Xml.XmlException e)
        {
            throw new AwsCredentialsException($"STS AssumeRoleWithWebIdentity at {endpoint} answered HTTP {status} with a body that is not XML.", e);
        }

        if (status is < 200 or >= 300)
        {
            var code = Descendant(xml, "Code") ?? "Unknown";
            var message = Descendant(xml, "Message") ?? string.Empty;
            throw new AwsCredentialsException($"STS AssumeRoleWithWebIdentity for {_options.RoleArn} failed with HTTP {status}: {code}: {message}");
        }

        var credentials = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Credentials")
            ?? throw new AwsCredentialsException("STS AssumeRoleWithWebIdentity answered without Credentials.");
        string Field(string name) => credentials.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } v
            ? v
            : throw new AwsCredentialsException($"STS AssumeRoleWithWebIdentity answered without Credentials/{name}.");
        var expiration = DateTimeOffset.Parse(Field("Expiration"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new AwsCredentials(Field("AccessKeyId"), Field("SecretAccessKey"), Field("SessionToken"), expiration);
    }

    private static string? Descendant(XDocument xml, string localName) =>
        xml.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Assumed role {RoleArn} with web identity: access key {AccessKeyId}, expires {Expiration}")]
    private static partial void LogRefreshed(ILogger logger, string roleArn, string accessKeyId, DateTimeOffset? expiration);
}
