using System.Text;
using System.Text.Json.Nodes;
using Upt.Batch.Backup;
using Upt.Batch.Lines;
using Upt.Feed.Synthetic;

namespace Upt.Batch.Tests.Backup;

/// <summary>How one delivery of consumed records becomes backup files: grouping, names, lines, and what is filed as unparsed.</summary>
public sealed class BackupFilesTests
{
    private static readonly DateTimeOffset Noon = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static BackupRecord Record(string sequenceNumber, string text, DateTimeOffset? at = null) =>
        new(sequenceNumber, Encoding.UTF8.GetBytes(text), at ?? Noon);

    private static string Envelope(string domain, string id) =>
        $"{{\"objectType\":\"clickstream\",\"modelVersion\":\"1.0\",\"domain\":\"{domain}\",\"timestamp\":\"2024-06-01T10:00:00.000000Z\",\"uid\":\"u-{id}\",\"data\":{{\"session\":{{\"id\":\"{id}\"}}}}}}";

    private static List<string> Lines(BackupFile file)
    {
        var text = Encoding.UTF8.GetString(file.Content);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text[..^1].Split('\n')];
    }

    [Fact]
    public void Records_are_grouped_by_domain_and_utc_day_of_arrival_in_files_named_after_their_first_record()
    {
        var records = new[]
        {
            Record("101", Envelope("alpha", "a1")),
            Record("102", Envelope("beta", "b1")),
            Record("103", Envelope("alpha", "a2")),
            // 23:30 at -02:00 is 01:30 UTC on the next day.
            Record("104", Envelope("alpha", "a3"), new DateTimeOffset(2024, 6, 1, 23, 30, 0, TimeSpan.FromHours(-2))),
            Record("105", Envelope("alpha", "a4")),
        };

        var files = BackupFiles.Of("kinesis-shardId-000000000001", records);

        Assert.Equal(
            [
                ("alpha/2024/06/01/kinesis-shardId-000000000001-101.jsonl", 3),
                ("beta/2024/06/01/kinesis-shardId-000000000001-102.jsonl", 1),
                ("alpha/2024/06/02/kinesis-shardId-000000000001-104.jsonl", 1),
            ],
            files.Select(f => (f.Path, f.Records)));
        Assert.Equal([Envelope("alpha", "a1"), Envelope("alpha", "a2"), Envelope("alpha", "a4")], Lines(files[0]));
        Assert.Equal([Envelope("beta", "b1")], Lines(files[1]));
        Assert.Equal([Envelope("alpha", "a3")], Lines(files[2]));
    }

    [Fact]
    public void Envelopes_are_kept_byte_for_byte_and_a_delivery_again_gives_the_same_files()
    {
        var envelopes = new SyntheticTrafficGenerator(5, "demo").Generate(200).ToList();
        var records = envelopes.Select((e, i) => new BackupRecord($"{1000 + i}", e.EnvelopeJson, Noon)).ToList();

        var file = Assert.Single(BackupFiles.Of("kinesis-s", records));
        var again = Assert.Single(BackupFiles.Of("kinesis-s", records));

        Assert.Equal("demo/2024/06/01/kinesis-s-1000.jsonl", file.Path);
        Assert.Equal(envelopes.SelectMany(e => e.EnvelopeJson.Append((byte)'\n')).ToArray(), file.Content);
        Assert.Equal(file.Path, again.Path);
        Assert.Equal(file.Content, again.Content);
    }

    [Fact]
    public void An_envelope_with_line_breaks_becomes_one_equivalent_line_that_a_batch_job_reads_as_the_envelope()
    {
        var compact = Envelope("demo", "s1");
        var pretty = JsonNode.Parse(compact)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Contains("\r\n", pretty, StringComparison.Ordinal);

        var file = Assert.Single(BackupFiles.Of("kinesis-s", [Record("7", pretty), Record("8", compact)]));

        var lines = Lines(file);
        Assert.Equal(2, lines.Count);
        Assert.DoesNotContain('\r', lines[0]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pretty), JsonNode.Parse(lines[0])), lines[0]);
        var parsed = BatchLineParser.Parse(new BatchLine(1, Encoding.UTF8.GetBytes(lines[0]), 0, false), new LineContext("demo", null, new DateOnly(2024, 6, 1), "batch/x#L1"));
        Assert.False(parsed.IsError, parsed.Error);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero), parsed.Timestamp);
    }

    [Theory]
    [InlineData("""{"objectType":"clickstream","domain":"demo","data":{"n":"é"}}""")]
    [InlineData("""{"objectType":"clickstream","domain":"demo","timestamp":null,"uid":null,"data":{"n":"é"}}""")]
    [InlineData("""{"objectType":"clickstream","domain":"demo","timestamp":"","uid":"","data":{"n":"é"}}""")]
    [InlineData("""{"timestamp":"2024-06-01T01:00:00Z","objectType":"clickstream","domain":"demo","timestamp":"soon","data":{"n":"é"}}""")]
    [InlineData("{\"objectType\":\"clickstream\",\r\n  \"domain\":\"demo\",\n  \"data\":{\"n\":\"\u00e9\"}\n}")]
    public void An_envelope_without_a_usable_timestamp_or_uid_gets_the_ones_ingestion_used(string text)
    {
        var at = new DateTimeOffset(2024, 6, 1, 10, 11, 12, 345, TimeSpan.FromHours(2));
        var record = new BackupRecord("1", Encoding.UTF8.GetBytes(text), at);

        var line = Assert.Single(Lines(Assert.Single(BackupFiles.Of("kinesis-s", [record]))));

        Assert.Equal("demo/2024/06/01/kinesis-s-1.jsonl", Assert.Single(BackupFiles.Of("kinesis-s", [record])).Path);
        var envelope = JsonNode.Parse(line)!.AsObject();
        Assert.Equal("2024-06-01T08:11:12.345000Z", (string?)envelope["timestamp"]);
        Assert.Equal("tx_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(record.Data))[..32], (string?)envelope["uid"]);
        Assert.Equal(["objectType", "domain", "data", "timestamp", "uid"], envelope.Select(p => p.Key));
        Assert.Equal("{\"n\":\"é\"}", envelope["data"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains("\"n\":\"é\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usable_timestamp_and_uid_and_a_bad_kind_of_value_are_left_as_they_are()
    {
        string[] kept =
        [
            """{"objectType":"clickstream","domain":"demo","timestamp":"2024-06-01T10:00:00","uid":"u1","data":{}}""",
            """{"objectType":"clickstream","domain":"demo","timestamp":20240601,"uid":7,"data":{}}""",
        ];

        var file = Assert.Single(BackupFiles.Of("kinesis-s", kept.Select((t, i) => Record($"{i}", t)).ToList()));

        Assert.Equal(kept, Lines(file));
    }

    [Theory]
    [InlineData("not json {", "invalid JSON")]
    [InlineData("", "invalid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"objectType":"clickstream","data":{}}""", "no domain")]
    [InlineData("""{"domain":42}""", "no domain")]
    [InlineData("""{"domain":"Not-A-Domain"}""", "invalid domain")]
    [InlineData("""{"domain":"_unparsed"}""", "invalid domain")]
    [InlineData("""{"domain":"demo"} trailing""", "invalid JSON")]
    [InlineData("{\"domain\":\"demo\",\n\"text\":\"a\nb\"}", "invalid JSON")]
    public void A_record_without_a_valid_domain_is_kept_as_text_under_unparsed(string text, string reason)
    {
        var file = Assert.Single(BackupFiles.Of("kinesis-shard-1", [Record("42", text)]));

        Assert.Equal("_unparsed/2024/06/01/kinesis-shard-1-42.jsonl", file.Path);
        var line = JsonNode.Parse(Assert.Single(Lines(file)))!;
        Assert.Equal(text, (string?)line["text"]);
        Assert.Equal(reason, (string?)line["reason"]);
        Assert.Equal("42", (string?)line["sequenceNumber"]);
        Assert.Equal("2024-06-01T12:00:00Z", (string?)line["arrivedAt"]);
        Assert.Null(line["base64"]);
    }

    [Fact]
    public void A_record_that_is_not_utf8_is_kept_as_base64_under_unparsed_beside_the_domains_files()
    {
        byte[] binary = [0xFF, 0xFE, 0x00, 0x0A, 0x7B];
        var files = BackupFiles.Of("kinesis-s", [Record("1", Envelope("demo", "x")), new BackupRecord("2", binary, Noon)]);

        Assert.Equal(["demo/2024/06/01/kinesis-s-1.jsonl", "_unparsed/2024/06/01/kinesis-s-2.jsonl"], files.Select(f => f.Path));
        var line = JsonNode.Parse(Assert.Single(Lines(files[1])))!;
        Assert.Equal(binary, Convert.FromBase64String((string)line["base64"]!));
        Assert.Null(line["text"]);
    }

    [Fact]
    public void Names_keep_to_plain_characters()
    {
        var file = Assert.Single(BackupFiles.Of("kinesis-a/b", [Record("1/../2", Envelope("demo", "x"))]));

        Assert.Equal("demo/2024/06/01/kinesis-a_b-1_.._2.jsonl", file.Path);
        Assert.True(BatchPaths.TryParse(file.Path, "demo", out var day));
        Assert.Equal(new DateOnly(2024, 6, 1), day);
    }
}
