using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary>Deleting and retrying error records over real HTTP (<c>DELETE /api/ucp/error/{id|*}</c>, <c>POST /api/ucp/error/{id}/retry</c>).</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class ErrorMaintenanceApiTests(AuthClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Deleting_one_record_then_all_of_the_domain_leaves_other_domains_alone()
    {
        var (domain, other) = (ApiRequests.NewDomainName("em"), ApiRequests.NewDomainName("em"));
        var admin = await AdminAsync(domain, other);
        await fixture.CreateDomainAsync(domain, admin);
        await fixture.CreateDomainAsync(other, admin);
        await ErrorRecords.SendAsync(fixture, "bad", NotABooking(domain, "B1"), NotABooking(domain, "B2"), NotABooking(domain, "B3"), NotABooking(other, "B4"));
        var listed = await WaitForErrorsAsync(domain, admin, 3);
        await WaitForErrorsAsync(other, admin, 1);

        var answer = await SendAsync(ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/error/{listed[0]!["error_id"]}", domain), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal([(string?)listed[1]!["error_id"], (string?)listed[2]!["error_id"]], (await ListAsync(domain, admin)).Select(e => (string?)e!["error_id"]));
        Assert.Equal(2, await NumberOfErrorsAsync(domain, admin));

        answer = await SendAsync(ApiRequests.Request(HttpMethod.Delete, "/api/ucp/error/*", domain), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("emptyTable", (string?)answer.Json!["asyncEvent"]!["item_id"]);
        Assert.Equal("success", (string?)answer.Json!["asyncEvent"]!["status"]);
        var polled = await SendAsync(ApiRequests.Request(HttpMethod.Get,
            $"/api/ucp/async?id={answer.Json!["asyncEvent"]!["item_type"]}&usecase=emptyTable", null), admin);
        Assert.True(polled.Status == 200, polled.ToString());
        Assert.Equal("success", (string?)polled.Json!["asyncEvent"]!["status"]);
        Assert.Empty(await ListAsync(domain, admin));
        Assert.Equal(0, await NumberOfErrorsAsync(domain, admin));
        Assert.Single(await ListAsync(other, admin));
        Assert.Equal(1, await NumberOfErrorsAsync(other, admin));
    }

    [Fact]
    public async Task An_operator_retries_a_record_sent_before_its_domain_existed_and_it_is_ingested()
    {
        var domain = ApiRequests.NewDomainName("er");
        var admin = await AdminAsync(domain);
        var traveller = Travellers.NewId("early");
        await ErrorRecords.SendAsync(fixture, traveller, ErrorRecords.Envelope(domain, "guest_profile", Travellers.GuestProfile(traveller, null)));
        // Stored before the domain exists (a caller sees a domain's records only once it has grants there).
        await ErrorRecords.WaitForStoredAsync(fixture, domain, 1);
        await fixture.CreateDomainAsync(domain, admin);
        var error = Assert.Single(await WaitForErrorsAsync(domain, admin, 1));
        Assert.Equal($"domain {domain} does not exist", (string?)error!["message"]);

        var answer = await SendAsync(Retry(domain, (string)error["error_id"]!), admin);

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(new JsonObject { ["error_id"] = (string)error["error_id"]!, ["attempt"] = 1, ["succeeded"] = true, ["message"] = "" }.ToJsonString(),
            answer.Json!["errorRetry"]!.ToJsonString());
        Assert.Empty(await ListAsync(domain, admin));
        Assert.NotNull(await Travellers.WaitForConnectIdAsync(fixture, domain, traveller, admin, id => id is not null, "the retried traveller's profile"));
    }

    [Fact]
    public async Task A_failed_retry_is_counted_on_the_listed_record()
    {
        var (domain, admin) = await NewDomainAsync();
        var id = await ErrorRecords.InsertAsync(fixture, domain, "transformer_exception", "{}");
        Assert.Equal(0, (int)Assert.Single(await ListAsync(domain, admin))!["retryCount"]!);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var answer = await SendAsync(Retry(domain, id), admin);
            Assert.True(answer.Status == 200, answer.ToString());
            Assert.Equal(new JsonObject { ["error_id"] = id, ["attempt"] = attempt, ["succeeded"] = false, ["message"] = $"the raw record is not an envelope of domain {domain}" }.ToJsonString(),
                answer.Json!["errorRetry"]!.ToJsonString());
        }

        var listed = Assert.Single(await ListAsync(domain, admin))!;
        Assert.Equal((id, 2), ((string)listed["error_id"]!, (int)listed["retryCount"]!));
        Assert.NotNull(listed["lastRetryAt"]);
    }

    [Fact]
    public async Task Unknown_and_invalid_ids()
    {
        var (domain, admin) = await NewDomainAsync();

        var answer = await SendAsync(Retry(domain, "error_nothing_here"), admin);
        Assert.True(answer.Status == 404, answer.ToString());
        Assert.Equal("error record error_nothing_here not found", answer.ErrorMessage);
        Assert.Equal(200, (await SendAsync(ApiRequests.Request(HttpMethod.Delete, "/api/ucp/error/error_nothing_here", domain), admin)).Status);
        answer = await SendAsync(ApiRequests.Request(HttpMethod.Delete, "/api/ucp/error/a%3Cb", domain), admin);
        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("validation error: id contains invalid characters", answer.ErrorMessage);
        Assert.Equal(404, (await SendAsync(ApiRequests.Request(HttpMethod.Delete, "/api/ucp/error/*", ApiRequests.NewDomainName("nx")), admin)).Status);
    }

    private static JsonObject NotABooking(string domain, string id) => ErrorRecords.Envelope(domain, "air_booking", new JsonObject { ["id"] = id });

    private static HttpRequestMessage Retry(string domain, string id) => ApiRequests.Request(HttpMethod.Post, $"/api/ucp/error/{id}/retry", domain);

    private async Task<(string Domain, string Admin)> NewDomainAsync()
    {
        var domain = ApiRequests.NewDomainName("em");
        var admin = await AdminAsync(domain);
        await fixture.CreateDomainAsync(domain, admin);
        return (domain, admin);
    }

    // Every bit, and the full data grant of each domain (error records show by the caller's data permissions).
    private Task<string> AdminAsync(params string[] domains) =>
        fixture.TokenAsync([AuthClusterFixture.GlobalAdmin, .. domains.Select(d => $"ucp-{d}-admin")]);

    private async Task<JsonArray> ListAsync(string domain, string token)
    {
        var answer = await SendAsync(ApiRequests.Request(HttpMethod.Get, "/api/ucp/error", domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["ingestionErrors"]!.AsArray();
    }

    private async Task<JsonArray> WaitForErrorsAsync(string domain, string token, int count) =>
        (await Eventually.WaitAsync(
            () => SendAsync(ApiRequests.Request(HttpMethod.Get, "/api/ucp/error", domain), token),
            a => a.Status == 200 && a.Json?["ingestionErrors"] is JsonArray list && list.Count == count,
            Timeout,
            $"{count} error records in {domain}")).Json!["ingestionErrors"]!.AsArray();

    private async Task<long> NumberOfErrorsAsync(string domain, string token)
    {
        var answer = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/admin/{domain}", domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return (long)answer.Json!["config"]!["domains"]![0]!["numberOfErrors"]!;
    }

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);
}
