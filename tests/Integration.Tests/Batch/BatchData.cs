using System.Text;
using System.Text.Json.Nodes;
using Upt.Batch.Lines;
using Upt.Feed.Synthetic;
using Upt.S3;
using Upt.TestSupport;

namespace Upt.Integration.Tests.Batch;

/// <summary>One batch file to write: its path under the source and its lines (blank ones included).</summary>
public sealed record BatchFileSpec(string Path, DateOnly Day, IReadOnlyList<string> Lines);

/// <summary>Batch test data: writing files to a folder or bucket, and the envelopes the silo makes of their lines.</summary>
public static class BatchData
{
    /// <summary>Bare business objects of one type: the UPT samples of <c>shared/upt/batch</c>, then synthetic ones.</summary>
    public static Dictionary<string, List<string>> BareObjects(int syntheticCount, int seed)
    {
        var byType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (file, type) in UptSamples)
        {
            Of(byType, type).AddRange(File.ReadLines(SharedData.UptFile("batch", file)).Where(l => l.Trim().Length > 0));
        }

        foreach (var envelope in new SyntheticTrafficGenerator(seed, "unused").Generate(syntheticCount))
        {
            Of(byType, envelope.ObjectType).Add(JsonNode.Parse(envelope.EnvelopeJson)!["data"]!.ToJsonString());
        }

        return byType;
    }

    /// <summary>The UPT sample files and their business object type (<c>ancillary.jsonl</c> is an air booking its transform rejects).</summary>
    public static readonly (string File, string Type)[] UptSamples =
    [
        ("pax_profile.jsonl", "pax_profile"),
        ("guest_profile_customer_1.jsonl", "guest_profile"),
        ("hotel_booking_customer_1.jsonl", "hotel_booking"),
        ("hotel_stay.jsonl", "hotel_stay"),
        ("csi.jsonl", "customer_service_interaction"),
        ("clickstream_customer_1.jsonl", "clickstream"),
        ("ancillary.jsonl", "air_booking"),
    ];

    /// <summary>Splits lines over files, one per day from <paramref name="firstDay"/>, in order.</summary>
    public static List<BatchFileSpec> OverDays(string domain, IReadOnlyList<string> lines, DateOnly firstDay, int days, string name = "part-0.jsonl")
    {
        var size = (lines.Count + days - 1) / days;
        return Enumerable.Range(0, days).Select(d =>
        {
            var day = firstDay.AddDays(d);
            return new BatchFileSpec($"{domain}/{day:yyyy}/{day:MM}/{day:dd}/{name}", day, lines.Skip(d * size).Take(size).ToList());
        }).ToList();
    }

    public static void WriteFolder(string root, IEnumerable<BatchFileSpec> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join('\n', file.Lines) + "\n");
        }
    }

    public static async Task PutAsync(S3Client s3, string bucket, string prefix, IEnumerable<BatchFileSpec> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await s3.PutObjectAsync(bucket, prefix + file.Path, Encoding.UTF8.GetBytes(string.Join('\n', file.Lines) + "\n"), cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// What the silo sends to the pipeline for each line of <paramref name="files"/> read from <paramref name="sourceName"/>
    /// (the same parser, the same source ids): the envelopes, and the source ids of the lines it rejects itself.
    /// </summary>
    public static (List<byte[]> Envelopes, List<string> Rejected) Expect(string sourceName, string domain, string? objectType, IEnumerable<BatchFileSpec> files)
    {
        var envelopes = new List<byte[]>();
        var rejected = new List<string>();
        foreach (var file in files)
        {
            for (var i = 0; i < file.Lines.Count; i++)
            {
                if (file.Lines[i].Trim().Length == 0)
                {
                    continue;
                }

                var sourceId = SourceId(sourceName, file.Path, i + 1);
                var parsed = BatchLineParser.Parse(new BatchLine(i + 1, Encoding.UTF8.GetBytes(file.Lines[i]), 0, false), new LineContext(domain, objectType, file.Day, sourceId));
                if (parsed.IsError)
                {
                    rejected.Add(sourceId);
                }
                else
                {
                    envelopes.Add(parsed.Envelope!);
                }
            }
        }

        return (envelopes, rejected);
    }

    /// <summary>The source id, as error records show it, of line <paramref name="line"/> of a file.</summary>
    public static string SourceId(string sourceName, string path, int line) => $"batch/{sourceName}/{path}#L{line}";

    private static List<string> Of(Dictionary<string, List<string>> byType, string type) =>
        byType.TryGetValue(type, out var list) ? list : byType[type] = [];
}
