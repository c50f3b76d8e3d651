using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upt.Cli.Batch;

/// <summary>
/// Batch jobs through the API (<c>POST/GET /api/ucp/jobs</c>): what `upt batch` uses, and what the bench can use to run a
/// job and wait for it (<see cref="RunAsync"/>).
/// </summary>
internal sealed class BatchApiClient : IDisposable
{
    private const string DomainHeader = "customer-profiles-domain";
    private readonly HttpClient _http;

    /// <summary>A client of the API at <paramref name="apiUrl"/>, sending <paramref name="bearerToken"/> when given.</summary>
    public BatchApiClient(Uri apiUrl, string? bearerToken = null)
    {
        ApiUrl = apiUrl;
        _http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };
        if (!string.IsNullOrEmpty(bearerToken))
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public Uri ApiUrl { get; }

    /// <summary>Starts job <paramref name="jobName"/> (an object type or <c>run-all-jobs</c>) and returns the started run.</summary>
    /// <exception cref="BatchApiException">The API refused (bad input, unknown domain, already running).</exception>
    public Task<BatchJobView> StartAsync(string domain, string jobName, string? source, DateOnly? from, CancellationToken cancellationToken) =>
        StartAsync(domain, jobName, source, from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, cancellationToken);

    /// <summary>
    /// Starts a replay of job <paramref name="jobName"/> over [<paramref name="from"/>, <paramref name="to"/>] (each a date or
    /// an ISO date-time, as the API reads them) and returns the started run.
    /// </summary>
    /// <exception cref="BatchApiException">The API refused (bad input, unknown domain, already running).</exception>
    public Task<BatchJobView> StartReplayAsync(string domain, string jobName, string? source, string from, string to, CancellationToken cancellationToken) =>
        StartAsync(domain, jobName, source, from, to, cancellationToken);

    private async Task<BatchJobView> StartAsync(string domain, string jobName, string? source, string? from, string? to, CancellationToken cancellationToken)
    {
        var rq = new JsonObject { ["jobName"] = jobName, ["domainName"] = domain };
        if (source is not null)
        {
            rq["source"] = source;
        }

        if (from is not null)
        {
            rq["from"] = from;
        }

        if (to is not null)
        {
            rq["to"] = to;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ucp/jobs") { Content = JsonContent.Create(new JsonObject { ["startJobRq"] = rq }) };
        request.Headers.Add(DomainHeader, domain);
        var json = await SendAsync(request, cancellationToken);
        var job = json["awsResources"]?["jobs"]?[0] ?? throw new BatchApiException(200, $"the API did not return the started job: {json.ToJsonString()}");
        return BatchJobView.Parse(job);
    }

    /// <summary>The job's latest run as listed by <c>GET /api/ucp/jobs</c>.</summary>
    public async Task<BatchJobView> GetAsync(string domain, string jobName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ucp/jobs");
        request.Headers.Add(DomainHeader, domain);
        var json = await SendAsync(request, cancellationToken);
        var job = (json["awsResources"]?["jobs"] as JsonArray ?? []).FirstOrDefault(j => (string?)j?["jobName"] == jobName)
                  ?? throw new BatchApiException(200, $"job {jobName} is not listed: {json.ToJsonString()}");
        return BatchJobView.Parse(job);
    }

    /// <summary>Polls until run <paramref name="runId"/> of the job is no longer RUNNING; <paramref name="progress"/> sees each poll.</summary>
    public async Task<BatchJobView> WaitAsync(string domain, string jobName, long runId, TimeSpan poll, Action<BatchJobView>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(poll, cancellationToken);
            var view = await GetAsync(domain, jobName, cancellationToken);
            if (view.RunId != runId)
            {
                // Only a later run can replace ours in the listing, and it can only start once ours ended.
                throw new BatchApiException(200, $"run {runId} of job {jobName} was replaced by run {view.RunId} before it was seen to end");
            }

            progress?.Invoke(view);
            if (!view.IsRunning)
            {
                return view;
            }
        }
    }

    /// <summary>Starts a job and waits until it ends (for the bench and scripts).</summary>
    public async Task<BatchJobView> RunAsync(string domain, string jobName, string? source, DateOnly? from, CancellationToken cancellationToken)
    {
        var started = await StartAsync(domain, jobName, source, from, cancellationToken);
        return await WaitAsync(domain, jobName, started.RunId ?? 0, TimeSpan.FromMilliseconds(200), null, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // Reported below with the raw text.
        }

        if (!response.IsSuccessStatusCode || json is null)
        {
            var message = (string?)json?["error"]?["msg"] is { Length: > 0 } msg ? msg : text;
            throw new BatchApiException((int)response.StatusCode, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {message}");
        }

        return json;
    }
}
