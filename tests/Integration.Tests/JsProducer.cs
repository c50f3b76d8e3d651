using System.Diagnostics;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.DevInfra;

namespace Upt.Integration.Tests;

/// <summary>One record to put: its partition key and bytes.</summary>
public sealed record RecordToPut(string PartitionKey, byte[] Data);

/// <summary>Where a record landed: its shard and sequence number.</summary>
public sealed record PutPosition(string ShardId, BigInteger SequenceNumber);

/// <summary>What <c>put-envelopes.mjs</c> reported, and where each record landed (input order).</summary>
public sealed record PutResult(JsonObject Summary, IReadOnlyList<PutPosition> Positions, TimeSpan Elapsed)
{
    public long Records => Summary["records"]!.GetValue<long>();

    public long FailedEntries => Summary["failedEntries"]!.GetValue<long>();
}

/// <summary>
/// Puts records with the official AWS JS client: writes them to a JSONL file and runs
/// <c>tools/node/scripts/put-envelopes.mjs</c> (PutRecords in batches of up to 500, failed entries put again).
/// </summary>
public static class JsProducer
{
    public static async Task<PutResult> PutAsync(Uri endpoint, string stream, IReadOnlyList<RecordToPut> records, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "upt-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "records.jsonl");
            var positions = Path.Combine(folder, "positions.jsonl");
            await using (var writer = new StreamWriter(input, false, new UTF8Encoding(false)))
            {
                foreach (var record in records)
                {
                    var line = new JsonObject { ["partitionKey"] = record.PartitionKey, ["data"] = Convert.ToBase64String(record.Data) };
                    await writer.WriteLineAsync(line.ToJsonString());
                }
            }

            var script = Path.Combine(RepositoryPaths.NodeTools, "scripts", "put-envelopes.mjs");
            var psi = new ProcessStartInfo("node")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.NodeTools,
            };
            foreach (var arg in new[] { script, endpoint.ToString(), stream, input, positions })
            {
                psi.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start node");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"put-envelopes.mjs exited {process.ExitCode}: {output}{errors}");
            }

            var summary = JsonNode.Parse(output)?.AsObject() ?? throw new InvalidOperationException($"put-envelopes.mjs printed no summary: {output}{errors}");
            var landed = File.ReadLines(positions).Where(l => l.Length > 0).Select(l =>
            {
                var p = JsonNode.Parse(l)!;
                return new PutPosition((string)p["shardId"]!, BigInteger.Parse((string)p["sequenceNumber"]!, System.Globalization.CultureInfo.InvariantCulture));
            }).ToList();
            return new PutResult(summary, landed, watch.Elapsed);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"put-envelopes.mjs output is not JSON: {ex.Message}", ex);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
