using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Upt.Cli.Run;

/// <summary>
/// The few API calls `upt run` makes: create the demo domain, read its counters. With <paramref name="token"/>, each
/// call carries a fresh bearer token from it (the local dev issuer answers in a millisecond, and a run outlives a token).
/// </summary>
internal sealed class UptApiClient(Uri apiUrl, Func<CancellationToken, Task<string>>? token = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Creates <paramref name="domain"/>; false when it already exists (Postgres data persists between runs). Without
    /// <paramref name="identityResolution"/>, neither rules nor fuzzy matching link travellers (one profile per traveller id);
    /// <paramref name="fuzzyMatching"/> (default: as <paramref name="identityResolution"/>) switches fuzzy matching alone.
    /// </summary>
    public async Task<bool> CreateDomainAsync(string domain, CancellationToken cancellationToken, bool identityResolution = true, bool? fuzzyMatching = null)
    {
        var body = new JsonObject
        {
            ["domain"] = new JsonObject
            {
                ["customerProfileDomain"] = domain,
                ["ruleBasedIdResolution"] = identityResolution,
                ["fuzzyMatching"] = fuzzyMatching ?? identityResolution,
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ucp/admin") { Content = JsonContent.Create(body) };
        await AuthorizeAsync(request, cancellationToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest && text.Contains("already exists", StringComparison.Ordinal))
        {
            return false;
        }

        throw new HttpRequestException($"POST /api/ucp/admin answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>The domain's counters, or null when the API does not answer.</summary>
    public async Task<DomainCounts?> GetCountsAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/ucp/admin/{Uri.EscapeDataString(domain)}");
            request.Headers.Add("customer-profiles-domain", domain);
            await AuthorizeAsync(request, cancellationToken);
            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var view = json?["config"]?["domains"]?[0];
            return view is null
                ? null
                : new DomainCounts(Long(view["numberOfProfiles"]), Long(view["numberOfObjects"]), Long(view["numberOfErrors"]));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token(cancellationToken));
        }
    }

    private static long Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
