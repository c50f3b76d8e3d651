using System.Text.Json;
using Upt.TestSupport;

namespace Upt.Cli.Tests;

/// <summary>`upt produce` against kinesalite: what it reports is what the stream holds.</summary>
public sealed class ProduceCommandTests(KinesaliteFixture kinesalite)
{
    public static TheoryData<string> BatchFiles() =>
        new(Directory.GetFiles(SharedData.UptFile("batch"), "*.jsonl").Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Fact]
    public async Task Generate_puts_exactly_n_records_that_read_back_as_envelopes()
    {
        using var client = KinesisTestStreams.Client(kinesalite.Endpoint);
        var stream = KinesaliteFixture.NewStreamName("produce-gen");
        await KinesisTestStreams.CreateAsync(client, stream, shards: 3);

        // 1,234 is more than two full PutRecords batches plus a partial one.
        var result = await CliProcess.RunAsync("produce", "--endpoint", kinesalite.Endpoint.ToString(), "--stream", stream,
            "--domain", "gen_test", "--generate", "1234", "--seed", "7");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^produce: sent=1234 failed=0 seconds=\d+(\.\d+)?$", result.LastStdoutLine);
        var records = await KinesisTestStreams.ReadAllAsync(client, stream);
        Assert.Equal(1234, records.Count);
        foreach (var record in records)
        {
            using var envelope = JsonDocument.Parse(record.Data);
            Assert.Equal("gen_test", envelope.RootElement.GetProperty("domain").GetString());
            Assert.False(string.IsNullOrEmpty(envelope.RootElement.GetProperty("objectType").GetString()));
            Assert.False(string.IsNullOrEmpty(record.PartitionKey));
        }

        // Many travellers, each with several objects under one key: keys group a traveller's objects.
        var keys = records.GroupBy(r => r.PartitionKey).ToList();
        Assert.InRange(keys.Count, 2, 1233);
    }

    [Theory]
    [MemberData(nameof(BatchFiles))]
    public async Task File_puts_one_envelope_per_line_with_the_type_from_the_file_name(string fileName)
    {
        var path = SharedData.UptFile("batch", fileName);
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        using var client = KinesisTestStreams.Client(kinesalite.Endpoint);
        var stream = KinesaliteFixture.NewStreamName("produce-file");
        await KinesisTestStreams.CreateAsync(client, stream, shards: 2);

        var result = await CliProcess.RunAsync("produce", "--endpoint", kinesalite.Endpoint.ToString(), "--stream", stream,
            "--domain", "file_test", "--file", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"produce: sent={lines.Count} failed=0 seconds=", result.LastStdoutLine, StringComparison.Ordinal);
        var records = await KinesisTestStreams.ReadAllAsync(client, stream);
        Assert.Equal(lines.Count, records.Count);
        var types = records.Select(r => JsonDocument.Parse(r.Data).RootElement.GetProperty("objectType").GetString()).Distinct().ToList();
        Assert.Single(types);
        Assert.Contains(types[0], Transforms.Records.BusinessObjectTypes.All);

        // The business object travels unchanged inside the envelope.
        var sent = records.Select(r => JsonDocument.Parse(r.Data).RootElement.GetProperty("data").GetRawText()).ToHashSet();
        foreach (var line in lines)
        {
            Assert.Contains(JsonSerializer.Serialize(JsonDocument.Parse(line).RootElement), sent);
        }
    }

    [Fact]
    public async Task Rate_paces_the_objects()
    {
        using var client = KinesisTestStreams.Client(kinesalite.Endpoint);
        var stream = KinesaliteFixture.NewStreamName("produce-rate");
        await KinesisTestStreams.CreateAsync(client, stream, shards: 1);

        var result = await CliProcess.RunAsync("produce", "--endpoint", kinesalite.Endpoint.ToString(), "--stream", stream,
            "--domain", "rate_test", "--generate", "60", "--rate", "40");

        Assert.True(result.ExitCode == 0, result.ToString());
        var seconds = double.Parse(result.LastStdoutLine.Split("seconds=")[1], System.Globalization.CultureInfo.InvariantCulture);
        // 60 objects at 40/s: the last batch is due after about 1.4 s.
        Assert.InRange(seconds, 1.2, 20);
    }

    [Fact]
    public async Task A_missing_stream_is_a_clear_error_and_a_non_zero_exit()
    {
        var result = await CliProcess.RunAsync("produce", "--endpoint", kinesalite.Endpoint.ToString(), "--stream", "does-not-exist",
            "--domain", "d", "--generate", "3");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("produce: error:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFound", result.Stderr, StringComparison.Ordinal);
    }
}
