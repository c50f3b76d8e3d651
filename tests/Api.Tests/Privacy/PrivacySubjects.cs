using System.Text;
using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests.Privacy;

/// <summary>Puts travellers (and a bad record) into the privacy cluster through Kinesis and finds them over HTTP and in the database.</summary>
public static class PrivacySubjects
{
    /// <summary>Sends each guest profile as one envelope to <paramref name="domain"/>, in order.</summary>
    public static async Task IngestAsync(PrivacyClusterFixture fixture, string domain, params JsonObject[] profiles)
    {
        foreach (var profile in profiles)
        {
            await SendAsync(fixture, Envelope(domain, profile), (string)profile["id"]!);
        }
    }

    /// <summary>A guest profile of <paramref name="travellerId"/> that the transform rejects (its loyalty programmes are not a list): an error record.</summary>
    public static Task IngestBadRecordAsync(PrivacyClusterFixture fixture, string domain, string travellerId)
    {
        var profile = Travellers.GuestProfile(travellerId, null);
        profile["loyaltyPrograms"] = "not-a-list";
        return SendAsync(fixture, Envelope(domain, profile), travellerId);
    }

    /// <summary>The connect id the search by traveller id answers once <paramref name="done"/> holds for it (null: no profile).</summary>
    public static async Task<string?> WaitForConnectIdAsync(PrivacyClusterFixture fixture, string domain, string travellerId, string token, Func<string?, bool> done, string what)
    {
        var answer = await Eventually.WaitAsync(
            () => ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile?travellerId={Uri.EscapeDataString(travellerId)}", domain), token),
            a => a.Status == 200 && done(a.Json?["profiles"] is JsonArray { Count: > 0 } p ? (string?)p[0]!["connectId"] : null),
            TimeSpan.FromMinutes(2),
            what);
        return answer.Json?["profiles"] is JsonArray { Count: > 0 } profiles ? (string?)profiles[0]!["connectId"] : null;
    }

    /// <summary>The backup lines (of every file under the backup folder) that contain <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> BackupLinesWith(PrivacyClusterFixture fixture, string text) =>
        Directory.EnumerateFiles(fixture.BackupFolder, "*.jsonl", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}_tmp{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f, Encoding.UTF8))
            .Where(l => l.Contains(text, StringComparison.Ordinal))
            .ToList();

    /// <summary>The backup files (relative, '/'-separated) with a line containing <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> BackupFilesWith(PrivacyClusterFixture fixture, string text) =>
        Directory.EnumerateFiles(fixture.BackupFolder, "*.jsonl", SearchOption.AllDirectories)
            .Where(f => File.ReadAllLines(f, Encoding.UTF8).Any(l => l.Contains(text, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(fixture.BackupFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("_tmp/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The first column of <paramref name="sql"/>'s rows as text.</summary>
    public static async Task<IReadOnlyList<string>> TextsAsync(PrivacyClusterFixture fixture, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = fixture.Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return list;
    }

    /// <summary>The single number <paramref name="sql"/> answers.</summary>
    public static async Task<long> CountAsync(PrivacyClusterFixture fixture, string sql, params (string Name, object Value)[] parameters) =>
        long.Parse((await TextsAsync(fixture, sql, parameters)).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Envelope(string domain, JsonObject profile) => new()
    {
        ["objectType"] = "guest_profile",
        ["modelVersion"] = "1.0",
        ["domain"] = domain,
        ["mode"] = "",
        ["data"] = profile.DeepClone(),
        ["uid"] = Guid.NewGuid().ToString(),
    };

    private static async Task SendAsync(PrivacyClusterFixture fixture, JsonObject envelope, string partitionKey)
    {
        using var kinesis = fixture.Cluster.CreateKinesisClient();
        await kinesis.PutRecordAsync(fixture.Cluster.StreamName, Encoding.UTF8.GetBytes(envelope.ToJsonString()), partitionKey);
    }
}
