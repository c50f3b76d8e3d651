namespace Upt.Integration.Tests;

/// <summary>Calls <c>GET /api/ucp/admin/{domain}</c> back to back (with a short client timeout) and records every outcome.</summary>
internal sealed class ApiPoller(Uri apiUrl, string domain, System.Diagnostics.Stopwatch watch)
{
    private readonly List<ApiCall> _calls = [];

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(40) };
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = watch.Elapsed;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/ucp/admin/{domain}");
                request.Headers.Add("customer-profiles-domain", domain);
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    error = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }

            lock (_calls)
            {
                _calls.Add(new ApiCall(started, watch.Elapsed - started, error is null, error));
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
