using System.Text;
using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary>Puts guest profiles into a domain through the cluster's Kinesis stream and finds their profiles over HTTP.</summary>
public static class Travellers
{
    /// <summary>
    /// A <c>guest_profile</c> business object; travellers sharing <paramref name="loyaltyId"/> merge by the default
    /// hotel-loyalty rule. Names are random letters so that fuzzy matching (on by default) finds no two travellers alike.
    /// </summary>
    public static JsonObject GuestProfile(string travellerId, string? loyaltyId) => new()
    {
        ["id"] = travellerId,
        ["lastUpdatedOn"] = "2024-01-01T00:00:00.000Z",
        ["firstName"] = RandomName(),
        ["lastName"] = RandomName(),
        ["emails"] = new JsonArray(new JsonObject { ["type"] = "personal", ["address"] = $"{travellerId}@example.com" }),
        ["loyaltyPrograms"] = loyaltyId is null ? new JsonArray() : new JsonArray(new JsonObject { ["id"] = loyaltyId, ["level"] = "Blue" }),
    };

    /// <summary>
    /// A guest profile named <paramref name="firstName"/> <paramref name="lastName"/> with its own email: two travellers
    /// of one name make a fuzzy match pair scored below the auto-merge threshold, so it waits for review.
    /// </summary>
    public static JsonObject NamedGuest(string travellerId, string firstName, string lastName)
    {
        var profile = GuestProfile(travellerId, null);
        profile["firstName"] = firstName;
        profile["lastName"] = lastName;
        return profile;
    }

    /// <summary>A name no other test uses (random letters), so that fuzzy matching pairs only the travellers given it.</summary>
    public static string NewName() => RandomName();

    /// <summary>A fresh traveller id.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// <summary>Sends each profile as one envelope to <paramref name="domain"/>, in order.</summary>
    public static async Task IngestAsync(AuthClusterFixture fixture, string domain, params JsonObject[] profiles)
    {
        using var kinesis = fixture.Cluster.CreateKinesisClient();
        foreach (var profile in profiles)
        {
            var envelope = new JsonObject
            {
                ["objectType"] = "guest_profile",
                ["modelVersion"] = "1.0",
                ["domain"] = domain,
                ["mode"] = "",
                ["data"] = profile.DeepClone(),
                ["uid"] = Guid.NewGuid().ToString(),
            };
            await kinesis.PutRecordAsync(fixture.Cluster.StreamName, Encoding.UTF8.GetBytes(envelope.ToJsonString()), (string)profile["id"]!);
        }
    }

    /// <summary>The connect id the search by traveller id answers, once <paramref name="done"/> holds for it (null: no profile).</summary>
    public static async Task<string?> WaitForConnectIdAsync(AuthClusterFixture fixture, string domain, string travellerId, string token, Func<string?, bool> done, string what)
    {
        var answer = await Eventually.WaitAsync(
            () => ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile?travellerId={Uri.EscapeDataString(travellerId)}", domain), token),
            a => a.Status == 200 && done(ConnectIdOf(a)),
            TimeSpan.FromMinutes(2),
            what);
        return ConnectIdOf(answer);
    }

    /// <summary>Ingests two travellers sharing a hotel loyalty id and waits until the rules made them one profile; returns the traveller ids and that profile.</summary>
    public static async Task<(string First, string Second, string Survivor)> IngestMergedPairAsync(AuthClusterFixture fixture, string domain, string token)
    {
        var (first, second, loyalty) = (NewId("ta"), NewId("tb"), NewId("HX"));
        await IngestAsync(fixture, domain, GuestProfile(first, loyalty));
        await WaitForConnectIdAsync(fixture, domain, first, token, id => id is not null, $"traveller {first} to have a profile");
        await IngestAsync(fixture, domain, GuestProfile(second, loyalty));
        // The second traveller's own profile is searchable a moment before the rules merge it, so wait for the
        // profile that holds both travellers.
        var answer = await Eventually.WaitAsync(
            () => ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile?travellerId={Uri.EscapeDataString(first)}", domain), token),
            a => a.Status == 200 && a.Json?["profiles"] is JsonArray { Count: 1 } p && p[0]!["travellerIds"] is JsonArray { Count: 2 },
            TimeSpan.FromMinutes(2),
            $"travellers {first} and {second} to share one profile");
        var survivor = ConnectIdOf(answer)!;
        await WaitForConnectIdAsync(fixture, domain, second, token, id => id == survivor, $"traveller {second} to find the merged profile");
        return (first, second, survivor);
    }

    private static string RandomName()
    {
        var letters = Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray();
        letters[0] = char.ToUpperInvariant(letters[0]);
        return new string(letters);
    }

    private static string? ConnectIdOf(ApiAnswer answer) =>
        answer.Json?["profiles"] is JsonArray { Count: > 0 } profiles ? (string?)profiles[0]!["connectId"] : null;
}
