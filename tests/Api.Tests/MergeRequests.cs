using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>Requests of the merge routes (merge, unmerge, interaction history, delete) as UPT's clients send them.</summary>
public static class MergeRequests
{
    /// <summary>A merge pair with a context of <paramref name="mergeType"/>; extra context fields from <paramref name="context"/>.</summary>
    public static JsonObject Pair(string source, string target, string mergeType = "manual", JsonObject? context = null, bool falsePositive = false)
    {
        var mergeContext = context ?? new JsonObject();
        mergeContext["mergeType"] = mergeType;
        return new JsonObject { ["source"] = source, ["target"] = target, ["falsePositive"] = falsePositive, ["mergeContext"] = mergeContext };
    }

    public static HttpRequestMessage Merge(string domain, params JsonObject[] pairs) =>
        ApiRequests.Request(HttpMethod.Post, "/api/ucp/merge", domain, new JsonObject { ["mergeRq"] = new JsonArray(pairs.Select(p => p.DeepClone()).ToArray()) });

    public static HttpRequestMessage Unmerge(string domain, string mergedInto, string? toUnmerge = null, string? interaction = null, string? interactionType = null, string? operatorId = null) =>
        ApiRequests.Request(HttpMethod.Post, "/api/ucp/unmerge", domain, new JsonObject
        {
            ["unmergeRq"] = new JsonObject
            {
                ["mergedIntoConnectID"] = mergedInto,
                ["toUnmergeConnectID"] = toUnmerge ?? "",
                ["interactionToUnmerge"] = interaction ?? "",
                ["interactionType"] = interactionType ?? "",
                ["unmergeContext"] = new JsonObject { ["mergeType"] = "unmerge", ["operatorId"] = operatorId ?? "" },
            },
        });

    public static HttpRequestMessage History(string domain, string objectId, string objectType, string connectId) =>
        ApiRequests.Request(HttpMethod.Get,
            $"/api/ucp/interactionHistory/{Uri.EscapeDataString(objectId)}?objectType={Uri.EscapeDataString(objectType)}&connectId={Uri.EscapeDataString(connectId)}", domain);

    public static HttpRequestMessage Delete(string domain, string profileId) =>
        ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/profile/{Uri.EscapeDataString(profileId)}", domain);

    /// <summary>The <c>interactionHistory</c> entries of a guest profile object (its traveller id), found through <paramref name="connectId"/>.</summary>
    public static async Task<JsonArray> HistoryOfAsync(AuthClusterFixture fixture, string domain, string travellerId, string connectId, string token)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, History(domain, travellerId, "guest_profile", connectId), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return (JsonArray)answer.Json!["interactionHistory"]!;
    }

    /// <summary>Of a merged pair, the traveller whose original profile was absorbed (its object's history has a merge) and that profile.</summary>
    public static async Task<(string Traveller, string Profile)> AbsorbedAsync(AuthClusterFixture fixture, string domain, (string First, string Second, string Survivor) pair, string token)
    {
        foreach (var traveller in new[] { pair.First, pair.Second })
        {
            var history = await HistoryOfAsync(fixture, domain, traveller, pair.Survivor, token);
            if (history.Count > 1)
            {
                return (traveller, (string)history[0]!["toMergeConnectId"]!);
            }
        }

        throw new InvalidOperationException("neither traveller's object shows a merge");
    }
}
