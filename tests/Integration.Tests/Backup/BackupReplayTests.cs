using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Feed.Synthetic;
using Upt.Integration.Tests.Batch;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests.Backup;

/// <summary>
/// The raw backup and `upt replay` on a real cluster: envelopes of two domains (and a record that is not JSON) through
/// kinesalite are each backed up exactly once under their domain and arrival day; after the domain is deleted and
/// created again, a replay of a time range ingests exactly that range, a second replay changes nothing, and an ordinary
/// batch job over the backup still reads every file (a replay leaves no bookmarks).
/// </summary>
public sealed class BackupReplayTests(BackupClusterFixture fixture) : IClassFixture<BackupClusterFixture>, IDisposable
{
    private const int AlphaObjects = 120;
    private const int BetaObjects = 40;
    private readonly JobApiClient _jobs = new(fixture.Cluster.ApiUrl);
    private readonly HttpClient _http = new() { BaseAddress = fixture.Cluster.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _jobs.Dispose();
        _http.Dispose();
    }

    [Fact(Timeout = 240_000)]
    public async Task Every_consumed_record_is_backed_up_and_a_time_range_replays_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        var (alpha, beta) = (NewDomain("bka"), NewDomain("bkb"));
        await fixture.Api.CreateDomainAsync(alpha, ct);
        await fixture.Api.CreateDomainAsync(beta, ct);

        // Timestamps on the day of the put and the next one (the replay range takes the middle two), and none: the
        // backup then carries the arrival time and the content uid that ingestion used.
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow);
        DateTimeOffset?[] stamps = [At(firstDay, 3), At(firstDay, 9), At(firstDay, 15), At(firstDay.AddDays(1), 21), null];
        var alphaRecords = new SyntheticTrafficGenerator(71, alpha).Generate(AlphaObjects)
            .Select((e, i) => new RecordToPut(e.PartitionKey, WithTimestamp(e.EnvelopeJson, stamps[i % stamps.Length])))
            .ToList();
        // A producer's pretty-printed envelope without uid: backed up as one line, with the uid of the bytes consumed.
        var pretty = JsonNode.Parse(alphaRecords[4].Data)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        alphaRecords[4] = alphaRecords[4] with { Data = Encoding.UTF8.GetBytes(pretty) };
        var betaRecords = new SyntheticTrafficGenerator(72, beta).Generate(BetaObjects).Select(e => new RecordToPut(e.PartitionKey, e.EnvelopeJson)).ToList();
        var notJson = new RecordToPut("pk-not-json", Encoding.UTF8.GetBytes($"not json {{ {Guid.NewGuid():N}"));
        var records = alphaRecords.Concat(betaRecords).Append(notJson).ToList();
        var expectedAlpha = ExpectedIngest.Of(alphaRecords.Select(r => r.Data));
        var expectedBeta = ExpectedIngest.Of(betaRecords.Select(r => r.Data));

        var putAt = DateTimeOffset.UtcNow;
        var put = await JsProducer.PutAsync(fixture.Cluster.KinesisEndpoint, fixture.Cluster.StreamName, records, ct);
        Assert.Equal(0, put.FailedEntries);
        var putDone = DateTimeOffset.UtcNow;
        AssertCounts(expectedAlpha, await WaitUntilIngestedAsync(fixture, alpha, expectedAlpha, TimeSpan.FromMinutes(2)));
        AssertCounts(expectedBeta, await WaitUntilIngestedAsync(fixture, beta, expectedBeta, TimeSpan.FromMinutes(2)));
        var original = await ObjectRowsAsync(alpha, ct);

        // The backup is durable before a batch is checkpointed, not before its profiles are readable: wait for it.
        var root = fixture.BackupFolder;
        var backup = await Eventually.WaitAsync(
            () => Task.FromResult(BackupFolderReader.Read(root)), b => b.Count >= records.Count, TimeSpan.FromSeconds(30), $"{records.Count} backed-up records in {root}");
        Assert.Equal(records.Count, backup.Count);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "_tmp")));
        Assert.All(backup, l => Assert.InRange(l.Day, DateOnly.FromDateTime(putAt.UtcDateTime), DateOnly.FromDateTime(putDone.UtcDateTime)));
        var unparsed = Assert.Single(backup, l => l.Folder == "_unparsed");
        Assert.Equal(Encoding.UTF8.GetString(notJson.Data), (string?)JsonNode.Parse(unparsed.Text)!["text"]);
        Assert.Equal(Texts(betaRecords.Select(r => r.Data)), backup.Where(l => l.Folder == beta).Select(l => l.Text).Order(StringComparer.Ordinal));

        // Every alpha envelope once, under alpha: as put, or (without timestamp or uid) with the ones ingestion used.
        var alphaLines = backup.Where(l => l.Folder == alpha).ToDictionary(l => (string)JsonNode.Parse(l.Text)!["uid"]!);
        Assert.Equal(AlphaObjects, alphaLines.Count);
        for (var i = 0; i < alphaRecords.Count; i++)
        {
            var data = alphaRecords[i].Data;
            var put1 = JsonNode.Parse(data)!.AsObject();
            var line = alphaLines[(string?)put1["uid"] ?? "tx_" + Convert.ToHexStringLower(SHA256.HashData(data))[..32]];
            if (put1["uid"] is not null && put1["timestamp"] is not null)
            {
                Assert.Equal(Encoding.UTF8.GetString(data), line.Text);
                continue;
            }

            var backedUp = JsonNode.Parse(line.Text)!.AsObject();
            var stamp = put1["timestamp"] is { } t ? (string)t! : (string)backedUp["timestamp"]!;
            Assert.InRange(DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture), putAt.AddSeconds(-1), putDone.AddSeconds(1));
            Assert.DoesNotContain('\n', line.Text);
            backedUp.Remove("uid");
            backedUp.Remove("timestamp");
            put1.Remove("uid");
            put1.Remove("timestamp");
            Assert.True(JsonNode.DeepEquals(put1, backedUp), line.Text);
        }

        // Each file is named after the shard and position of its first record.
        var landed = alphaRecords.Concat(betaRecords).Select((r, i) => (Line: backup.Single(l => l.Folder != "_unparsed" && SameEnvelope(l.Text, r.Data)), Position: put.Positions[i])).ToList();
        foreach (var file in landed.GroupBy(l => (l.Line.Folder, l.Line.Day, l.Line.Shard, l.Line.FirstSequenceNumber)))
        {
            Assert.All(file, l => Assert.Equal(file.Key.Shard, l.Position.ShardId));
            Assert.Equal(BigInteger.Parse(file.Key.FirstSequenceNumber, CultureInfo.InvariantCulture), file.Min(l => l.Position.SequenceNumber));
        }

        // Start alpha afresh, then replay the middle of the range through `upt replay`.
        await DeleteDomainAsync(alpha, ct);
        await fixture.Api.CreateDomainAsync(alpha, ct);
        Assert.Equal((0L, 0L), await ProfilesAndObjectsAsync(alpha, ct));
        var (from, to) = ($"{firstDay:yyyy-MM-dd}T06:00:00Z", $"{firstDay.AddDays(1):yyyy-MM-dd}T12:00:00Z");
        var inRange = alphaLines.Values.Select(l => l.Text)
            .Where(l => DateTimeOffset.Parse((string)JsonNode.Parse(l)!["timestamp"]!, CultureInfo.InvariantCulture) is var at && at >= At(firstDay, 6) && at <= At(firstDay.AddDays(1), 12))
            .Select(Encoding.UTF8.GetBytes).ToList();
        var skipped = AlphaObjects - inRange.Count;
        Assert.InRange(inRange.Count, AlphaObjects * 2 / 5, AlphaObjects * 3 / 5);
        var expectedRange = ExpectedIngest.Of(inRange);
        var alphaFiles = backup.Where(l => l.Folder == alpha).Select(l => (l.Day, l.Shard, l.FirstSequenceNumber)).Distinct().Count();

        var cli = await RunCliAsync(ct, "replay", "--domain", alpha, "--from", from, "--to", to, "--source", root, "--api", fixture.Cluster.ApiUrl.ToString());
        Assert.True(cli.ExitCode == 0, cli.ToString());
        var last = cli.Stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("replay: run=", last, StringComparison.Ordinal);
        Assert.Contains($" status=SUCCEEDED from={from} to={to} files={alphaFiles} done={alphaFiles} records={inRange.Count} skipped_lines={skipped} errors=0 ", last, StringComparison.Ordinal);
        await BatchChecks.AssertDomainAsync(fixture, alpha, expectedRange, errors: 0);

        // Again, through the API: the same lines, nothing changes.
        var (status, body) = await _jobs.PostAsync(alpha, Start(root, from, to), ct);
        Assert.True(status == 200, body.ToJsonString());
        var again = await _jobs.WaitAsync(alpha, "run-all-jobs", (long)body["awsResources"]!["jobs"]![0]!["runId"]!, ct);
        BatchChecks.AssertRun(again, filesTotal: alphaFiles, filesDone: alphaFiles, filesSkipped: 0, records: inRange.Count, errors: 0);
        Assert.Equal((from, to, (long)skipped), ((string?)again["from"], (string?)again["to"], (long?)again["linesSkipped"]));
        await BatchChecks.AssertDomainAsync(fixture, alpha, expectedRange, errors: 0);

        // Replays left no bookmarks: an ordinary job over the backup reads every file, and restores the domain as the
        // stream had ingested it (object data, transaction ids and times included).
        var full = await _jobs.StartOkAsync(alpha, "run-all-jobs", root, null, ct);
        var ordinary = await _jobs.WaitAsync(alpha, "run-all-jobs", full, ct);
        BatchChecks.AssertRun(ordinary, filesTotal: alphaFiles, filesDone: alphaFiles, filesSkipped: 0, records: AlphaObjects, errors: 0);
        Assert.Null(ordinary["to"]);
        await BatchChecks.AssertDomainAsync(fixture, alpha, expectedAlpha, errors: 0);
        // An object that several envelopes of different travellers write ends as the last one applied, which is not
        // ordered across travellers on either path; every other object must be identical.
        var once = expectedAlpha.PerEnvelope.SelectMany(k => k).GroupBy(k => k).Where(g => g.Count() == 1).Select(g => g.Key.ToString() + " ").ToList();
        Assert.True(once.Count > expectedAlpha.Objects.Count / 2, $"only {once.Count} of {expectedAlpha.Objects.Count} objects come from one envelope");
        var fromFilledIn = expectedAlpha.PerEnvelope.Where((_, i) => i % stamps.Length == stamps.Length - 1).SelectMany(k => k).Count(k => once.Contains(k.ToString() + " "));
        Assert.True(fromFilledIn > 10, $"only {fromFilledIn} of those come from envelopes without timestamp and uid");
        List<string> Unambiguous(List<string> rows) => rows.Where(r => once.Any(k => r.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.Equal(Unambiguous(original), Unambiguous(await ObjectRowsAsync(alpha, ct)));
        AssertCounts(expectedBeta, await fixture.Api.GetDomainAsync(beta, ct));

        // Ranges the API refuses.
        await AssertRefusedAsync(alpha, new JsonObject { ["jobName"] = "run-all-jobs", ["source"] = root, ["to"] = to }, "to needs from", ct);
        await AssertRefusedAsync(alpha, new JsonObject { ["jobName"] = "run-all-jobs", ["source"] = root, ["from"] = to, ["to"] = from }, "is after to", ct);
        await AssertRefusedAsync(alpha, new JsonObject { ["jobName"] = "run-all-jobs", ["source"] = root, ["from"] = from }, "is not a date (YYYY-MM-DD); a date-time needs to", ct);
        await AssertRefusedAsync(alpha, new JsonObject { ["jobName"] = "run-all-jobs", ["source"] = root, ["from"] = "2024-06-01", ["to"] = "soon" }, "to 'soon' is not a date", ct);
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    /// <summary>The envelope with this timestamp; without one, without a uid too.</summary>
    private static byte[] WithTimestamp(byte[] envelope, DateTimeOffset? stamp)
    {
        var node = JsonNode.Parse(envelope)!.AsObject();
        node.Remove("timestamp");
        if (stamp is { } t)
        {
            node["timestamp"] = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        }
        else
        {
            node.Remove("uid");
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>True when a backup line is the envelope put (the same JSON, but for a timestamp or uid filled in).</summary>
    private static bool SameEnvelope(string line, byte[] data)
    {
        var (backedUp, put) = (JsonNode.Parse(line)!.AsObject(), JsonNode.Parse(data)!.AsObject());
        foreach (var name in new[] { "timestamp", "uid" })
        {
            if (put[name] is null)
            {
                backedUp.Remove(name);
            }
        }

        return JsonNode.DeepEquals(backedUp, put);
    }

    /// <summary>The domain's rows of upt_objects: key, data, last_updated (what a faithful replay reproduces).</summary>
    private async Task<List<string>> ObjectRowsAsync(string domain, CancellationToken ct)
    {
        await using var db = Npgsql.NpgsqlDataSource.Create(fixture.Cluster.PostgresConnectionString);
        await using var cmd = db.CreateCommand(
            "SELECT object_type || '/' || traveller_id || '/' || object_id || ' ' || coalesce(last_updated::text, '-') || ' ' || data::text FROM upt_objects WHERE domain = @d ORDER BY 1");
        cmd.Parameters.AddWithValue("d", domain);
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static IEnumerable<string> Texts(IEnumerable<byte[]> data) => data.Select(Encoding.UTF8.GetString).Order(StringComparer.Ordinal);

    private static JsonObject Start(string source, string from, string to) =>
        new() { ["startJobRq"] = new JsonObject { ["jobName"] = "run-all-jobs", ["source"] = source, ["from"] = from, ["to"] = to } };

    private async Task AssertRefusedAsync(string domain, JsonObject rq, string message, CancellationToken ct)
    {
        var (status, body) = await _jobs.PostAsync(domain, new JsonObject { ["startJobRq"] = rq }, ct);
        Assert.True(status == 400, $"expected 400 for {rq.ToJsonString()}, got {status}: {body.ToJsonString()}");
        Assert.Contains(message, (string?)body["error"]!["msg"], StringComparison.Ordinal);
    }

    private async Task<(long Profiles, long Objects)> ProfilesAndObjectsAsync(string domain, CancellationToken ct)
    {
        var counts = await fixture.Api.GetDomainAsync(domain, ct);
        return (counts.Profiles, counts.Objects);
    }

    private async Task DeleteDomainAsync(string domain, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/ucp/admin/{domain}");
        request.Headers.Add("customer-profiles-domain", domain);
        using var response = await _http.SendAsync(request, ct);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {domain}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    private static async Task<CliRun> RunCliAsync(CancellationToken ct, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "upt.dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed record CliRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}{Environment.NewLine}stderr:{Environment.NewLine}{Stderr}";
    }
}
