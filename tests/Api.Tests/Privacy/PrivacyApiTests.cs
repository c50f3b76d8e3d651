using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Orleans.Streams;
using Upt.Grains;
using Upt.TestSupport;

namespace Upt.Api.Tests.Privacy;

/// <summary>
/// GDPR search and purge over real HTTP: a subject whose data sits in every store Upt keeps (a merged profile with its
/// tombstone, travellers, objects, lookups and rule-index entries, merge history, a match pair, fuzzy blocks, an error
/// record and raw backup lines) is found everywhere, then purged everywhere, with an audit record and a PURGED event,
/// while another traveller's data stays.
/// </summary>
[Collection(PrivacyClusterCollection.Name)]
public sealed class PrivacyApiTests(PrivacyClusterFixture fixture)
{
    private const string Officer = "gdpr-officer-1";

    [Fact]
    public async Task Search_finds_the_subject_in_every_store_and_purge_erases_it_everywhere()
    {
        var domain = fixture.Domain;
        var token = await fixture.AdminTokenAsync(Officer);
        var (first, second, other, loyalty) = (Travellers.NewId("pa"), Travellers.NewId("pb"), Travellers.NewId("po"), Travellers.NewId("HL"));
        await PrivacySubjects.IngestAsync(fixture, domain, Travellers.GuestProfile(first, loyalty));
        await PrivacySubjects.WaitForConnectIdAsync(fixture, domain, first, token, id => id is not null, "the first traveller's profile");
        await PrivacySubjects.IngestAsync(fixture, domain, Travellers.GuestProfile(second, loyalty), Travellers.GuestProfile(other, null));
        // The rules merge both travellers into one profile, the smaller id of the two.
        var subject = (await Eventually.WaitAsync(
            () => PrivacySubjects.TextsAsync(fixture, "SELECT profile_id FROM upt_travellers WHERE domain = @d AND traveller_id = ANY(@t)", ("d", domain), ("t", new[] { first, second })),
            profiles => profiles.Count == 2 && profiles.Distinct().Count() == 1,
            TimeSpan.FromMinutes(2), "the rules to merge both travellers"))[0];
        Assert.Equal(subject, await PrivacySubjects.WaitForConnectIdAsync(fixture, domain, second, token, id => id == subject, "the second traveller to find the merged profile"));
        var absorbed = (await PrivacySubjects.TextsAsync(fixture, "SELECT profile_id FROM upt_profiles WHERE domain = @d AND merged_into = @s", ("d", domain), ("s", subject))).Single();
        var otherProfile = (await PrivacySubjects.WaitForConnectIdAsync(fixture, domain, other, token, id => id is not null, "the other traveller's profile"))!;
        await PrivacySubjects.IngestBadRecordAsync(fixture, domain, first);
        var (a, b) = string.CompareOrdinal(subject, otherProfile) < 0 ? (subject, otherProfile) : (otherProfile, subject);
        await PrivacySubjects.CountAsync(fixture, "INSERT INTO upt_match_pairs (domain, profile_a, profile_b, score, source) VALUES (@d, @a, @b, 0.8, 'ai') RETURNING 1",
            ("d", domain), ("a", a), ("b", b));
        var error = (await Eventually.WaitAsync(
            () => PrivacySubjects.TextsAsync(fixture, "SELECT id FROM upt_errors WHERE domain = @d AND strpos(raw, @t) > 0", ("d", domain), ("t", first)),
            ids => ids.Count == 1, TimeSpan.FromMinutes(2), "the bad record's error"))[0];
        await Eventually.WaitAsync(
            () => PrivacySubjects.CountAsync(fixture, "SELECT count(*) FROM upt_match_blocks WHERE domain = @d AND profile_id = @p", ("d", domain), ("p", subject)),
            n => n > 0, TimeSpan.FromMinutes(2), "fuzzy matching to put the subject in its blocks");
        await Eventually.WaitAsync(
            () => Task.FromResult((PrivacySubjects.BackupLinesWith(fixture, first).Count, PrivacySubjects.BackupLinesWith(fixture, second).Count, PrivacySubjects.BackupLinesWith(fixture, other).Count)),
            lines => lines == (2, 1, 1), TimeSpan.FromMinutes(1), "the backup of every record");
        var backupFiles = PrivacySubjects.BackupFilesWith(fixture, first).Union(PrivacySubjects.BackupFilesWith(fixture, second)).Order(StringComparer.Ordinal).ToList();

        // Search: every store is reported.
        var search = await PrivacyRequests.WaitForEndAsync(fixture.Api, PrivacyRequests.EventOf(await SendAsync(PrivacyRequests.Search(domain, subject), token)), token);
        Assert.Equal(("createPrivacySearch", "success", 1.0), ((string?)search["item_id"], (string?)search["status"], (double)search["progress"]!));
        var found = await GetSearchAsync(subject, token);
        Assert.Equal(("search_success", ""), ((string?)found["status"], (string?)found["errorMessage"]));
        var locations = Locations(found);
        Assert.Equal(PrivacyLocationTypes.All.Order(StringComparer.Ordinal), locations.Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"profile {subject}", locations[PrivacyLocationTypes.ProfileStorage]);
        Assert.Contains($"merged profile {absorbed}", locations[PrivacyLocationTypes.ProfileStorage]);
        Assert.Contains("travellers (2)", locations[PrivacyLocationTypes.ProfileStorage]);
        Assert.Contains("objects guest_profile (2)", locations[PrivacyLocationTypes.ProfileStorage]);
        Assert.Contains("history rows (1)", locations[PrivacyLocationTypes.MergeHistory]);
        Assert.Equal([$"pair {a} {b}"], locations[PrivacyLocationTypes.Matches]);
        Assert.Equal([$"error {error}"], locations[PrivacyLocationTypes.ErrorRecords]);
        Assert.Equal(backupFiles, locations[PrivacyLocationTypes.RawBackup].Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.Equal(locations.Values.Sum(l => l.Count), (int)found["totalResultsFound"]!);
        var listed = Assert.Single(await ListAsync(token), s => (string?)s["connectId"] == subject);
        Assert.Equal(("search_success", domain), ((string?)listed["status"], (string?)listed["domainName"]));
        Assert.Null(listed["locationResults"]);

        // Purge: the token's subject is the operator, not the body's agentCognitoId.
        var changes = new ConcurrentQueue<ProfileChangeEvent>();
        var stream = fixture.Orleans.GetStreamProvider(ChangeStreams.ProviderName).GetStream<ProfileChangeEvent>(ChangeStreams.ForDomain(domain));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            changes.Enqueue(e);
            return Task.CompletedTask;
        });
        var errorsBefore = await ErrorCountAsync(token);
        var purge = PrivacyRequests.EventOf(await SendAsync(PrivacyRequests.Purge(domain, subject), token));
        Assert.Equal(("purgeProfileData", "invoked"), ((string?)purge["item_id"], (string?)purge["status"]));
        var purged = await PrivacyRequests.WaitForEndAsync(fixture.Api, purge, token);
        Assert.True((string?)purged["status"] == "success", purged.ToJsonString());

        var after = await GetSearchAsync(subject, token);
        Assert.Equal(("purge_success", ""), ((string?)after["status"], (string?)after["errorMessage"]));
        Assert.All(after["locations"]!.AsArray(), l => Assert.Equal(("purge_success", ""), ((string?)l!["status"], (string?)l["errorMessage"])));
        Assert.Equal(locations.Values.Sum(l => l.Count), after["locations"]!.AsArray().Count);

        // Gone everywhere: the API and every table, the backup; the other traveller's data stays.
        Assert.Equal(404, (await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{subject}", domain), token)).Status);
        Assert.Null(await PrivacySubjects.WaitForConnectIdAsync(fixture, domain, first, token, id => id is null, "the first traveller to be gone"));
        Assert.Null(await PrivacySubjects.WaitForConnectIdAsync(fixture, domain, second, token, id => id is null, "the second traveller to be gone"));
        var ids = new[] { subject, absorbed };
        foreach (var sql in new[]
        {
            "SELECT count(*) FROM upt_profiles WHERE domain = @d AND profile_id = ANY(@p)",
            "SELECT count(*) FROM upt_objects WHERE domain = @d AND profile_id = ANY(@p)",
            "SELECT count(*) FROM upt_travellers WHERE domain = @d AND profile_id = ANY(@p)",
            "SELECT count(*) FROM upt_lookups WHERE domain = @d AND profile_id = ANY(@p)",
            "SELECT count(*) FROM upt_merge_history WHERE domain = @d AND (absorbed_profile_id = ANY(@p) OR survivor_profile_id = ANY(@p))",
            "SELECT count(*) FROM upt_match_pairs WHERE domain = @d AND (profile_a = ANY(@p) OR profile_b = ANY(@p))",
            "SELECT count(*) FROM upt_match_blocks WHERE domain = @d AND profile_id = ANY(@p)",
        })
        {
            Assert.True(await PrivacySubjects.CountAsync(fixture, sql, ("d", domain), ("p", ids)) == 0, sql);
        }

        Assert.Equal(0, await PrivacySubjects.CountAsync(fixture, "SELECT count(*) FROM upt_errors WHERE id = @e", ("e", error)));
        Assert.Equal(errorsBefore - 1, await ErrorCountAsync(token));
        Assert.Empty(PrivacySubjects.BackupLinesWith(fixture, first));
        Assert.Empty(PrivacySubjects.BackupLinesWith(fixture, second));
        Assert.Single(PrivacySubjects.BackupLinesWith(fixture, other));
        Assert.Equal(200, (await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{otherProfile}", domain), token)).Status);

        // The audit record: who, when, what, where, and how it ended.
        await using (var cmd = fixture.Database.CreateCommand(
            "SELECT domain, operator_id, connect_ids, outcome, locations, error_message, requested_at <= finished_at FROM upt_privacy_purge_audit WHERE event_id = @e"))
        {
            cmd.Parameters.AddWithValue("e", (string)purge["item_type"]!);
            await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal((domain, Officer, "purge_success", locations.Values.Sum(l => l.Count), true, true),
                (reader.GetString(0), reader.GetString(1), reader.GetString(3), reader.GetInt32(4), reader.IsDBNull(5), reader.GetBoolean(6)));
            Assert.Equal([subject], reader.GetFieldValue<string[]>(2));
        }

        // The change stream announced the delete and the purge.
        await Eventually.WaitAsync(() => Task.FromResult(changes.Any(e => e.Kind == ChangeKind.Purged)), seen => seen, TimeSpan.FromSeconds(30), "the PURGED event");
        await subscription.UnsubscribeAsync();
        Assert.Equal([(ChangeKind.Deleted, subject), (ChangeKind.Purged, subject)],
            changes.Where(e => e.Kind is ChangeKind.Deleted or ChangeKind.Purged).Select(e => (e.Kind, e.ProfileId)));

        // Searching again finds nothing, and no purge is running.
        await PrivacyRequests.WaitForEndAsync(fixture.Api, PrivacyRequests.EventOf(await SendAsync(PrivacyRequests.Search(domain, subject), token)), token);
        var again = await GetSearchAsync(subject, token);
        Assert.Equal(("search_success", 0), ((string?)again["status"], (int)again["totalResultsFound"]!));
        Assert.Empty(again["locations"]!.AsArray());
        var status = await SendAsync(PrivacyRequests.PurgeStatus(domain), token);
        Assert.Equal((domain, false), ((string?)status.Json!["privacyPurgeStatus"]!["domainName"], (bool)status.Json!["privacyPurgeStatus"]!["isPurgeRunning"]!));
    }

    [Fact]
    public async Task A_purge_needs_no_prior_search_and_a_deleted_search_is_gone()
    {
        var domain = fixture.Domain;
        var token = await fixture.AdminTokenAsync(Officer);
        var traveller = Travellers.NewId("pn");
        await PrivacySubjects.IngestAsync(fixture, domain, Travellers.GuestProfile(traveller, null));
        var subject = (await PrivacySubjects.WaitForConnectIdAsync(fixture, domain, traveller, token, id => id is not null, "the traveller's profile"))!;
        Assert.Equal(404, (await SendAsync(PrivacyRequests.Get(domain, subject), token)).Status);

        var purged = await PrivacyRequests.WaitForEndAsync(fixture.Api, PrivacyRequests.EventOf(await SendAsync(PrivacyRequests.Purge(domain, subject), token)), token);

        Assert.True((string?)purged["status"] == "success", purged.ToJsonString());
        var after = await GetSearchAsync(subject, token);
        Assert.Equal("purge_success", (string?)after["status"]);
        Assert.Contains($"profile {subject}", Locations(after)[PrivacyLocationTypes.ProfileStorage]);
        Assert.Equal(404, (await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{subject}", domain), token)).Status);

        Assert.Equal(200, (await SendAsync(PrivacyRequests.Delete(domain, subject), token)).Status);
        Assert.Equal(404, (await SendAsync(PrivacyRequests.Get(domain, subject), token)).Status);
        Assert.DoesNotContain(await ListAsync(token), s => (string?)s["connectId"] == subject);
        Assert.Equal(1, await PrivacySubjects.CountAsync(fixture, "SELECT count(*) FROM upt_privacy_purge_audit WHERE domain = @d AND @s = ANY(connect_ids)", ("d", domain), ("s", subject)));
    }

    [Fact]
    public async Task Invalid_requests_are_400_with_UPTs_messages_and_change_nothing()
    {
        var domain = fixture.Domain;
        var token = await fixture.AdminTokenAsync(Officer);
        var traveller = Travellers.NewId("pv");
        await PrivacySubjects.IngestAsync(fixture, domain, Travellers.GuestProfile(traveller, null));
        var subject = (await PrivacySubjects.WaitForConnectIdAsync(fixture, domain, traveller, token, id => id is not null, "the traveller's profile"))!;
        var many = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var searchesBefore = (await ListAsync(token)).Count;
        var auditsBefore = await PrivacySubjects.CountAsync(fixture, "SELECT count(*) FROM upt_privacy_purge_audit WHERE domain = @d", ("d", domain));

        var cases = new (HttpRequestMessage Request, string Message)[]
        {
            (PrivacyRequests.Raw(HttpMethod.Post, "/api/ucp/privacy", domain, "{}"), "validation error: [SearchData] no connect ids found in request"),
            (PrivacyRequests.Search(domain), "validation error: [SearchData] no connect ids found in request"),
            (PrivacyRequests.Search(domain, subject, "not-a-uuid"), "validation error: [SearchData] invalid connect ID not-a-uuid found"),
            (PrivacyRequests.Search(domain, "1' OR '1'='1"), "validation error: [SearchData] invalid connect ID 1' OR '1'='1 found"),
            (PrivacyRequests.Search(domain, many), "validation error: [SearchData] at most 100 connect ids per request, got 101"),
            (PrivacyRequests.Raw(HttpMethod.Post, "/api/ucp/privacy/purge", domain, "{\"createPrivacyPurgeRq\": {}}"), "validation error: [PurgePrivacyData] no connect ids found in request"),
            (PrivacyRequests.Purge(domain), "validation error: [PurgePrivacyData] no connect ids found in request"),
            (PrivacyRequests.Purge(domain, subject, "x; DROP TABLE upt_profiles"), "validation error: [PurgePrivacyData] invalid connect ID x; DROP TABLE upt_profiles found"),
            (PrivacyRequests.Purge(domain, many), "validation error: [PurgePrivacyData] at most 100 connect ids per request, got 101"),
            (PrivacyRequests.Raw(HttpMethod.Delete, "/api/ucp/privacy", domain, ""), "validation error: [DeletePrivacySearch] a connect id is required"),
            (PrivacyRequests.Raw(HttpMethod.Delete, "/api/ucp/privacy", domain, "[]"), "validation error: [DeletePrivacySearch] a connect id is required"),
            (PrivacyRequests.Raw(HttpMethod.Delete, "/api/ucp/privacy", domain, $"{{\"connectIds\": [\"{subject}\"]}}"), "validation error: error parsing connect ids"),
            (PrivacyRequests.Raw(HttpMethod.Delete, "/api/ucp/privacy", domain, "[\"nope"), "validation error: error parsing connect ids"),
            (PrivacyRequests.Delete(domain, subject, "nope"), "validation error: [DeletePrivacySearch] invalid connect ID nope found"),
            (PrivacyRequests.Get(domain, "not-a-uuid"), "validation error: invalid Connect ID format"),
        };

        foreach (var (request, message) in cases)
        {
            var answer = await SendAsync(request, token);
            Assert.True(answer.Status == 400, $"{message}: {answer}");
            Assert.Equal(message, answer.ErrorMessage);
            Assert.Equal("validation_error", (string?)answer.Json?["error"]?["type"]);
        }

        var invalidJson = await SendAsync(PrivacyRequests.Raw(HttpMethod.Post, "/api/ucp/privacy", domain, "{\"privacySearchRq\": ["), token);
        Assert.Equal(400, invalidJson.Status);
        Assert.StartsWith("validation error: request body is not valid JSON of the expected shape", invalidJson.ErrorMessage, StringComparison.Ordinal);

        Assert.Equal(searchesBefore, (await ListAsync(token)).Count);
        Assert.Equal(auditsBefore, await PrivacySubjects.CountAsync(fixture, "SELECT count(*) FROM upt_privacy_purge_audit WHERE domain = @d", ("d", domain)));
        Assert.Equal(200, (await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{subject}", domain), token)).Status);
    }

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);

    private async Task<JsonObject> GetSearchAsync(string connectId, string token)
    {
        var answer = await SendAsync(PrivacyRequests.Get(fixture.Domain, connectId), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return (JsonObject)answer.Json!["privacySearchResult"]!;
    }

    private async Task<IReadOnlyList<JsonObject>> ListAsync(string token)
    {
        var answer = await SendAsync(PrivacyRequests.List(fixture.Domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["privacySearchResults"]!.AsArray().Select(n => (JsonObject)n!).ToList();
    }

    private async Task<long> ErrorCountAsync(string token)
    {
        var answer = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/admin/{fixture.Domain}", fixture.Domain), token);
        return (long)answer.Json!["config"]!["domains"]![0]!["numberOfErrors"]!;
    }

    private static Dictionary<string, List<string>> Locations(JsonObject search) =>
        search["locationResults"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(v => (string)v!).ToList(), StringComparer.Ordinal);
}
