using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Integration.Tests.Batch;

/// <summary><c>GET/POST /api/ucp/jobs</c> as raw HTTP: status code and UPT envelope, for asserting shapes and refusals.</summary>
public sealed class JobApiClient(Uri apiUrl) : IDisposable
{
    private const string DomainHeader = "customer-profiles-domain";
    private readonly HttpClient _http = new() { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<(int Status, JsonObject Body)> ListAsync(string? domain, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ucp/jobs");
        if (domain is not null)
        {
            request.Headers.Add(DomainHeader, domain);
        }

        return await SendAsync(request, cancellationToken);
    }

    /// <summary>POST with <paramref name="body"/> as the whole JSON body (null: no body).</summary>
    public async Task<(int Status, JsonObject Body)> PostAsync(string? domain, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ucp/jobs");
        if (domain is not null)
        {
            request.Headers.Add(DomainHeader, domain);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await SendAsync(request, cancellationToken);
    }

    /// <summary>POST <c>{"startJobRq": {jobName, source, from}}</c>.</summary>
    public Task<(int Status, JsonObject Body)> StartAsync(string domain, string jobName, string? source, string? from, CancellationToken cancellationToken)
    {
        var rq = new JsonObject { ["jobName"] = jobName };
        if (source is not null)
        {
            rq["source"] = source;
        }

        if (from is not null)
        {
            rq["from"] = from;
        }

        return PostAsync(domain, new JsonObject { ["startJobRq"] = rq }, cancellationToken);
    }

    /// <summary>Starts a job, asserting it started, and returns its run id.</summary>
    public async Task<long> StartOkAsync(string domain, string jobName, string source, string? from, CancellationToken cancellationToken)
    {
        var (status, body) = await StartAsync(domain, jobName, source, from, cancellationToken);
        Assert.True(status == 200, $"POST /api/ucp/jobs {jobName} answered {status}: {body.ToJsonString()}");
        var job = body["awsResources"]!["jobs"]![0]!;
        Assert.Equal(jobName, (string?)job["jobName"]);
        return (long)job["runId"]!;
    }

    /// <summary>The listed job, by name.</summary>
    public async Task<JsonObject> GetJobAsync(string domain, string jobName, CancellationToken cancellationToken)
    {
        var (status, body) = await ListAsync(domain, cancellationToken);
        Assert.True(status == 200, $"GET /api/ucp/jobs answered {status}: {body.ToJsonString()}");
        return (body["awsResources"]!["jobs"] as JsonArray)!.Single(j => (string?)j!["jobName"] == jobName)!.AsObject();
    }

    /// <summary>Waits until run <paramref name="runId"/> of the job ended and returns the job as listed then.</summary>
    public async Task<JsonObject> WaitAsync(string domain, string jobName, long runId, CancellationToken cancellationToken) =>
        await Eventually.WaitAsync(
            () => GetJobAsync(domain, jobName, cancellationToken),
            j => (long?)j["runId"] == runId && (string?)j["status"] != "RUNNING",
            TimeSpan.FromSeconds(90),
            $"run {runId} of job {jobName} in {domain} to end");

    public void Dispose() => _http.Dispose();

    private async Task<(int, JsonObject)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
        return ((int)response.StatusCode, body);
    }
}
