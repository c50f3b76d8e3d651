using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Upt.DevInfra;

/// <summary>
/// A local OpenID Connect issuer (oauth2-mock-server from npm, wrapped by <c>tools/node/scripts/oidc-dev-issuer.mjs</c>)
/// on a loopback port, killed on dispose. It signs a token with any groups for anyone who asks: the API trusts it
/// only when <c>Auth:Development:Enabled</c> says so (<c>./upt run</c>) or a test points <c>Auth:Authority</c> at it.
/// </summary>
public sealed class LocalOidcIssuer : IAsyncDisposable
{
    /// <summary>The audience of its tokens unless a request names another.</summary>
    public const string DefaultAudience = "upt-dev";

    /// <summary>Marks its process for <see cref="LeftoverProcesses"/>.</summary>
    internal const string ScriptName = "oidc-dev-issuer.mjs";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;

    private LocalOidcIssuer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The node process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The issuer URL (also the <c>iss</c> of its tokens); discovery is at <c>/.well-known/openid-configuration</c>.</summary>
    public Uri Authority => AuthorityAt(Port);

    /// <summary>The issuer URL of a dev issuer listening on <paramref name="port"/>.</summary>
    public static Uri AuthorityAt(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Starts the issuer (a new signing key every start) and waits until its port accepts connections.</summary>
    public static async Task<LocalOidcIssuer> StartAsync(int? port = null)
    {
        var script = Path.Combine(RepositoryPaths.NodeTools, "scripts", ScriptName);
        var module = Path.Combine(RepositoryPaths.NodeTools, "node_modules", "oauth2-mock-server");
        if (!Directory.Exists(module))
        {
            throw new InvalidOperationException($"oauth2-mock-server is not installed ({module}); run `npm ci --prefix tools/node`.");
        }

        var p = port ?? FreePort.Next();
        // setsid: its own session, so Ctrl-C in the terminal of `upt run` does not kill it before the API that trusts it stops.
        var psi = ProcessRunner.BuildStartInfo("setsid", ["node", script, p.ToString(CultureInfo.InvariantCulture)], runAsUser: null);
        psi.WorkingDirectory = RepositoryPaths.NodeTools;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start node");
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"oidc-dev-issuer exited with {process.ExitCode}: {string.Join(Environment.NewLine, stderr)}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", p);
                return new LocalOidcIssuer(process, p);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("oidc-dev-issuer did not start listening within 30 s");
    }

    /// <summary>A token from this issuer.</summary>
    public Task<string> RequestTokenAsync(DevTokenRequest request, CancellationToken cancellationToken = default) =>
        RequestTokenAsync(Authority, request, cancellationToken);

    /// <summary>A token from the dev issuer at <paramref name="authority"/> (e.g. one that <c>./upt run</c> started).</summary>
    /// <exception cref="HttpRequestException">The issuer does not answer or refuses.</exception>
    public static async Task<string> RequestTokenAsync(Uri authority, DevTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(request);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                form.Add(new(key, value));
            }
        }

        Add("groups", request.Groups.Count > 0 ? string.Join(',', request.Groups) : null);
        Add("groups_format", request.GroupsAsJsonString ? "string" : null);
        Add("aud", request.Audience ?? (request.ClientId is null ? DefaultAudience : null));
        Add("client_id", request.ClientId);
        Add("sub", request.Subject);
        Add("expires_in", request.ExpiresIn is { } ttl ? ((long)ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null);
        Add("iss", request.Issuer);

        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(new Uri(authority, "/token"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the dev issuer {authority} answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)?["access_token"]?.GetValue<string>()
            ?? throw new HttpRequestException($"the dev issuer {authority} answered without access_token");
    }

    /// <summary>The key ids in its JWKS (tests sign a token with a foreign key under one of them).</summary>
    public async Task<IReadOnlyList<string>> KeyIdsAsync(CancellationToken cancellationToken = default)
    {
        var jwks = await Http.GetFromJsonAsync<JsonObject>(new Uri(Authority, "/jwks"), cancellationToken);
        return (jwks?["keys"] as JsonArray ?? []).Select(k => k?["kid"]?.GetValue<string>()).OfType<string>().ToList();
    }

    /// <summary>Kills the issuer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
