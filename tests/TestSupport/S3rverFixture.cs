using Upt.DevInfra;
using Xunit;

namespace Upt.TestSupport;

/// <summary>
/// One s3rver (an S3 API implementation from npm, objects in a temp folder) per test assembly, behind a proxy that verifies
/// SigV4 signatures with the official JS signer (tools/node/scripts/s3-sigv4-proxy.mjs), because s3rver itself only checks
/// that the access key id exists. Tests create buckets with unique names.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    /// <summary>The access key id s3rver knows (its built-in account).</summary>
    public const string AccessKeyId = "S3RVER";

    /// <summary>The secret of <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "S3RVER";

    /// <summary>The region s3rver assumes (its continuation tokens are only valid for it).</summary>
    public const string Region = "us-east-1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "upt-test-s3rver", Guid.NewGuid().ToString("N"));
    private NodeServerProcess? _s3rver;
    private NodeServerProcess? _proxy;

    /// <summary>The S3 endpoint whose requests must carry valid signatures (the verifying proxy).</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{(_proxy ?? throw new InvalidOperationException("Server not started")).Port}");

    /// <summary>s3rver itself, which does not verify V4 signatures.</summary>
    public Uri UnverifiedEndpoint => new($"http://127.0.0.1:{(_s3rver ?? throw new InvalidOperationException("Server not started")).Port}");

    /// <summary>A valid bucket name no other test uses (<paramref name="prefix"/>: lower-case letters, digits, '-'; at most 30 characters).</summary>
    public static string NewBucketName(string prefix = "b") => $"{prefix}-{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync()
    {
        var cli = Path.Combine(RepositoryPaths.NodeTools, "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"s3rver is not installed ({cli}); run `npm ci --prefix tools/node`.");
        }

        Directory.CreateDirectory(_directory);
        var port = FreePort.Next();
        // s3rver encrypts continuation tokens with DES, which OpenSSL 3 (Node 17+) only offers through the legacy provider.
        _s3rver = await NodeServerProcess.StartAsync("s3rver", port, ["--openssl-legacy-provider", cli, "--directory", _directory, "--address", "127.0.0.1", "--port", Invariant(port), "--silent"]);
        var proxyPort = FreePort.Next();
        _proxy = await NodeServerProcess.StartAsync(
            "s3-sigv4-proxy",
            proxyPort,
            [Path.Combine("scripts", "s3-sigv4-proxy.mjs"), Invariant(proxyPort), Invariant(port), AccessKeyId, SecretAccessKey]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_s3rver is not null)
        {
            await _s3rver.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
