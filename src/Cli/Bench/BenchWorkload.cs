using System.Globalization;
using Upt.Feed.Envelopes;
using Upt.Feed.Synthetic;
using Upt.Transforms;
using Upt.Transforms.Envelope;
using Upt.Transforms.Records;

namespace Upt.Cli.Bench;

/// <summary>
/// A synthetic load and what it turns into: the envelopes to send, their flat records (for the PostgreSQL ceiling),
/// the counts the pipeline must reach, and each envelope's main traveller (for latency probes).
/// </summary>
internal sealed class BenchWorkload
{
    private BenchWorkload(IReadOnlyList<GeneratedEnvelope> envelopes, IReadOnlyList<FlatRow> rows, IReadOnlyList<IReadOnlyList<string>> travellers, ExpectedCounts expected)
    {
        Envelopes = envelopes;
        Rows = rows;
        Travellers = travellers;
        Expected = expected;
    }

    /// <summary>The envelopes, in send order.</summary>
    public IReadOnlyList<GeneratedEnvelope> Envelopes { get; }

    /// <summary>Every flat record of every envelope, in order.</summary>
    public IReadOnlyList<FlatRow> Rows { get; }

    /// <summary>Per envelope: the distinct travellers of its flat records, main traveller (first record's) first; empty when rejected.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Travellers { get; }

    /// <summary>What the database must hold afterwards.</summary>
    public ExpectedCounts Expected { get; }

    /// <summary>Generates <paramref name="count"/> objects for <paramref name="domain"/> and transforms them.</summary>
    public static BenchWorkload Generate(int seed, string domain, int count) =>
        From(new SyntheticTrafficGenerator(seed, domain).Generate(count).ToList());

    /// <summary>Transforms <paramref name="envelopes"/> exactly as the silo's decoder does (uid as tx id, envelope time as clock).</summary>
    public static BenchWorkload From(IReadOnlyList<GeneratedEnvelope> envelopes) => Build(envelopes, keepRows: true);

    /// <summary>Only what the database must hold afterwards: for loads too large to keep every flat record in memory.</summary>
    public static ExpectedCounts CountOnly(IReadOnlyList<GeneratedEnvelope> envelopes) => Build(envelopes, keepRows: false).Expected;

    private static BenchWorkload Build(IReadOnlyList<GeneratedEnvelope> envelopes, bool keepRows)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var rows = new List<FlatRow>(keepRows ? envelopes.Count * 3 : 0);
        var flatRecords = 0L;
        var perEnvelope = new List<IReadOnlyList<string>>(envelopes.Count);
        var keys = new HashSet<(string, string, string)>();
        var travellers = new HashSet<string>(StringComparer.Ordinal);
        var errors = 0L;
        foreach (var envelope in envelopes)
        {
            using var parsed = EnvelopeParser.Parse(envelope.EnvelopeJson);
            if (!parsed.IsSuccess)
            {
                errors++;
                perEnvelope.Add([]);
                continue;
            }

            var e = parsed.Envelope;
            var clock = new FixedTimeProvider(ParseTime(e.Timestamp) ?? DateTimeOffset.UnixEpoch);
            var result = BusinessObjectTransformer.Transform(e.ObjectType, e.Data, new TransformOptions(e.Uid, clock));
            if (!result.IsSuccess)
            {
                errors++;
                perEnvelope.Add([]);
                continue;
            }

            var touched = new List<string>();
            foreach (var flat in result.AllRecords)
            {
                var row = new FlatRow(
                    Text(flat[RecordFields.ObjectType]),
                    Text(flat[RecordFields.TravellerId]),
                    Text(flat[RecordFields.ObjectId]),
                    keepRows ? flat.ToJsonString() : "",
                    ParseTime(Text(flat[RecordFields.LastUpdated])));
                flatRecords++;
                if (keepRows)
                {
                    rows.Add(row);
                }

                keys.Add((row.ObjectType, row.TravellerId, row.ObjectId));
                travellers.Add(row.TravellerId);
                if (!touched.Contains(row.TravellerId, StringComparer.Ordinal))
                {
                    touched.Add(row.TravellerId);
                }
            }

            perEnvelope.Add(touched);
        }

        return new BenchWorkload(envelopes, rows, perEnvelope, new ExpectedCounts(flatRecords, keys.Count, travellers.Count, errors));
    }

    private static string Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}
