using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Upt.Integration.Tests;

/// <summary>The counts <c>GET /api/ucp/admin/{domain}</c> reports.</summary>
public sealed record DomainCounts(long Profiles, long Objects, long Errors, IReadOnlyDictionary<string, long> ObjectCounts)
{
    public override string ToString() =>
        $"profiles={Profiles} objects={Objects} errors={Errors} [{string.Join(", ", ObjectCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))}]";
}

/// <summary>A profile as the search returns it.</summary>
public sealed record FoundProfile(string ConnectId, string TravellerId, IReadOnlyList<string> TravellerIds);

/// <summary>The parts of Upt's HTTP API the integration tests use; every call fails with the response body on a non-2xx status.</summary>
public sealed class UptApi : IDisposable
{
    private const string DomainHeader = "customer-profiles-domain";
    private readonly HttpClient _http;

    public UptApi(Uri baseUrl) => _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary><c>POST /api/ucp/admin</c>.</summary>
    /// <remarks>
    /// Identity resolution is off unless asked for: these tests check the grid's mechanics (exactly once, failover,
    /// batch, backup) against one profile per traveller id; resolution itself is tested in Grains.Tests and Api.Tests.
    /// </remarks>
    public async Task CreateDomainAsync(string domain, CancellationToken cancellationToken, bool identityResolution = false)
    {
        var body = new JsonObject
        {
            ["domain"] = new JsonObject
            {
                ["customerProfileDomain"] = domain,
                ["ruleBasedIdResolution"] = identityResolution,
                ["fuzzyMatching"] = identityResolution,
            },
        };
        using var response = await _http.PostAsJsonAsync("/api/ucp/admin", body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary><c>GET /api/ucp/admin/{domain}</c>: the domain's counts.</summary>
    public async Task<DomainCounts> GetDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var json = await GetAsync($"/api/ucp/admin/{domain}", domain, cancellationToken);
        var view = json["config"]?["domains"]?[0] ?? throw new InvalidOperationException($"no config.domains[0] in {json.ToJsonString()}");
        var byType = (view["objectCounts"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<long>(), StringComparer.Ordinal);
        return new DomainCounts(Long(view, "numberOfProfiles"), Long(view, "numberOfObjects"), Long(view, "numberOfErrors"), byType);
    }

    /// <summary>Like <see cref="GetDomainAsync"/>, but null while the API cannot answer (e.g. its silo is down).</summary>
    public async Task<DomainCounts?> TryGetDomainAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            return await GetDomainAsync(domain, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary><c>GET /api/ucp/profile?travellerId=</c>.</summary>
    public async Task<IReadOnlyList<FoundProfile>> SearchByTravellerAsync(string domain, string travellerId, CancellationToken cancellationToken)
    {
        var json = await GetAsync($"/api/ucp/profile?travellerId={Uri.EscapeDataString(travellerId)}", domain, cancellationToken);
        return (json["profiles"] as JsonArray ?? []).Select(p => new FoundProfile(
            (string?)p!["connectId"] ?? "",
            (string?)p["travellerId"] ?? "",
            (p["travellerIds"] as JsonArray ?? []).Select(t => (string?)t ?? "").ToList())).ToList();
    }

    /// <summary><c>GET /api/ucp/profile/{connectId}</c> with the first page of each of <paramref name="types"/>: the whole response.</summary>
    public Task<JsonObject> GetProfileAsync(string domain, string connectId, IReadOnlyList<string> types, int pageSize, CancellationToken cancellationToken)
    {
        var size = pageSize.ToString(CultureInfo.InvariantCulture);
        var query = $"objects={string.Join(',', types)}&pages={string.Join(',', types.Select(_ => "0"))}&pageSizes={string.Join(',', types.Select(_ => size))}";
        return GetAsync($"/api/ucp/profile/{Uri.EscapeDataString(connectId)}?{query}", domain, cancellationToken);
    }

    /// <summary><c>GET /api/ucp/error</c>: one page of error records and the total.</summary>
    public async Task<(long Total, IReadOnlyList<JsonObject> Items)> GetErrorsAsync(string domain, int pageSize, CancellationToken cancellationToken)
    {
        var json = await GetAsync($"/api/ucp/error?page=0&pageSize={pageSize}", domain, cancellationToken);
        var items = (json["ingestionErrors"] as JsonArray ?? []).Select(e => e!.AsObject()).ToList();
        return (Long(json, "totalErrors"), items);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> GetAsync(string path, string domain, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(DomainHeader, domain);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
               ?? throw new InvalidOperationException($"GET {path}: empty body");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }
    }

    private static long Long(JsonNode node, string name) =>
        node[name]?.GetValue<long>() ?? throw new InvalidOperationException($"no {name} in {node.ToJsonString()}");
}
