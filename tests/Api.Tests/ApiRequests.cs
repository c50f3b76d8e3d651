using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>Requests to the API as the tests send them, and what came back.</summary>
public static class ApiRequests
{
    /// <summary>Sends <paramref name="request"/> with <paramref name="token"/> (none when null) to <paramref name="client"/>.</summary>
    public static async Task<ApiAnswer> SendAsync(HttpClient client, HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using (request)
        using (var response = await client.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            JsonObject? json = null;
            try
            {
                json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) as JsonObject : null;
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON (the dashboard's HTML): the status and text say enough.
            }

            var tx = response.Headers.TryGetValues("aws-tah-tx-id", out var values) ? values.FirstOrDefault() : null;
            return new ApiAnswer((int)response.StatusCode, json, text, tx);
        }
    }

    /// <summary>A request to the API with the <c>customer-profiles-domain</c> header when <paramref name="domain"/> is given.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? domain, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (domain is not null)
        {
            request.Headers.Add("customer-profiles-domain", domain);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>The body of <c>POST /api/ucp/admin</c>.</summary>
    public static JsonObject CreateDomainBody(string domain) => new() { ["domain"] = new JsonObject { ["customerProfileDomain"] = domain } };

    /// <summary>A fresh valid domain name.</summary>
    public static string NewDomainName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..12];
}
