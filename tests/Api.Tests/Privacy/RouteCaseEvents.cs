using Upt.DevInfra;

namespace Upt.Api.Tests.Privacy;

/// <summary>What the async and privacy route cases prepare: an event to poll, a search to read.</summary>
public static class RouteCaseEvents
{
    private static string _lastEventId = "";

    /// <summary>The event the last <see cref="PrepareEventAsync"/> recorded.</summary>
    public static string LastEventId => _lastEventId;

    /// <summary>Merges the fixture's profile with itself (a merge that changes nothing) and keeps its event id.</summary>
    public static async Task PrepareEventAsync(AuthClusterFixture fixture, string domain)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, MergeRequests.Merge(domain, MergeRequests.Pair(fixture.ConnectId, fixture.ConnectId)), await AdminAsync(fixture, domain));
        _lastEventId = (string)PrivacyRequests.EventOf(answer)["item_type"]!;
    }

    /// <summary>Starts a privacy search of the fixture's profile, so that there is one to read.</summary>
    public static async Task PrepareSearchAsync(AuthClusterFixture fixture, string domain) =>
        PrivacyRequests.EventOf(await ApiRequests.SendAsync(fixture.Api, PrivacyRequests.Search(domain, fixture.ConnectId), await AdminAsync(fixture, domain)));

    private static Task<string> AdminAsync(AuthClusterFixture fixture, string domain) =>
        fixture.TokenAsync(new DevTokenRequest { Groups = [AuthClusterFixture.GlobalAdmin, $"ucp-{domain}-admin"], Audience = AuthClusterFixture.Audience });
}
