using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Upt.Cli.Bench;
using Upt.Cli.Produce;
using Upt.Cli.Run;
using Upt.DevInfra;
using Upt.Feed.Envelopes;
using Upt.Feed.Febrl;

namespace Upt.Cli.MatchEval;

/// <summary>
/// One match-eval run: a private cluster and domain, every FEBRL row produced through Kinesis as its own traveller's
/// guest_profile, a wait until all are stored and the profiles stop changing, then pairwise figures against the true
/// entities. Everything it starts is stopped and deleted when it returns.
/// </summary>
internal sealed class MatchEvalRunner(string file, bool withId, ILogger logger, TextWriter output)
{
    private const string Domain = "febrl_eval";
    private const string ObjectType = "guest_profile";

    public async Task<MatchEvalResult> RunAsync(CancellationToken cancellationToken)
    {
        var records = FebrlReader.ReadFile(file);
        var clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var envelopes = new List<GeneratedEnvelope>(records.Count);
        var start = DateTimeOffset.UtcNow;
        foreach (var record in records)
        {
            var data = FebrlToGuestProfile.Map(record, withId);
            var travellerId = FebrlToGuestProfile.Clean(record.RecId);
            if (!clusterOf.TryAdd(travellerId, record.ClusterId))
            {
                throw new BenchFailedException($"rec_id {travellerId} appears twice in {file}");
            }

            var uid = Guid.NewGuid().ToString();
            envelopes.Add(new GeneratedEnvelope(ObjectType, PartitionKeys.For(ObjectType, data, uid),
                EnvelopeWriter.Wrap(ObjectType, Domain, data, start.AddMilliseconds(envelopes.Count), uid)));
        }

        var expected = BenchWorkload.CountOnly(envelopes);
        if (expected.TransformErrors > 0)
        {
            throw new BenchFailedException($"{expected.TransformErrors} FEBRL rows fail to transform");
        }

        Print($"match-eval: {records.Count} FEBRL records ({(withId ? "soc_sec_id as loyalty id" : "without id")}) -> {expected.Objects} object rows");
        var runId = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var options = new LocalClusterOptions
        {
            Silos = 1,
            Shards = 2,
            StreamName = $"upt-match-eval-{runId}",
            ClusterId = $"upt-match-eval-{runId}",
            DataDirectory = null,
        };

        MatchEvalLog.Phase(logger, "Starting PostgreSQL, kinesalite, a silo and the API");
        await using var cluster = await LocalCluster.StartAsync(options, logger, cancellationToken);
        using (var api = new UptApiClient(cluster.ApiUrl))
        {
            await api.CreateDomainAsync(Domain, cancellationToken);
        }

        MatchEvalLog.Phase(logger, "Producing the records through Kinesis");
        using var kinesis = cluster.CreateKinesisClient();
        var sent = await new KinesisProducer(kinesis, cluster.StreamName).SendAsync(envelopes, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (sent.Failed > 0 || sent.Sent != envelopes.Count)
        {
            throw new BenchFailedException($"producing: {sent.SummaryLine()}");
        }

        MatchEvalLog.Phase(logger, "Waiting until every record is stored");
        var timeout = TimeSpan.FromSeconds(Math.Max(180, records.Count / 10.0));
        await new EndToEndWait(new BenchDatabase(cluster.PostgresConnectionString, Domain), logger)
            .RunAsync(Stopwatch.StartNew(), expected.Objects, timeout, cancellationToken);

        var database = new MatchEvalDatabase(cluster.PostgresConnectionString, Domain);
        var (profiles, autoMerged, pairs) = await SettledAsync(database, records.Count, timeout, cancellationToken);
        var missing = clusterOf.Keys.Where(t => !profiles.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new BenchFailedException($"{missing.Count} travellers have no profile");
        }

        var scores = PairwiseMetrics.Compute(clusterOf.Select(c => (c.Value, profiles[c.Key])));
        Print(string.Create(CultureInfo.InvariantCulture,
            $"  pairs: true {scores.TruePairs}, linked {scores.PredictedPairs}, correct {scores.CorrectPairs}"));
        return new MatchEvalResult(records.Count, profiles.Values.Distinct(StringComparer.Ordinal).Count(), scores, autoMerged, pairs);
    }

    /// <summary>
    /// Reads the profiles once every traveller has one and the profiles, the AI merges and the match pairs have not
    /// changed for <see cref="QuietPeriod"/>: fuzzy matching runs after ingestion (one-way calls), so on a busy machine
    /// it can lag the last stored object by many seconds.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, string> Profiles, long AutoMerged, long Pairs)> SettledAsync(
        MatchEvalDatabase database, int travellers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        (IReadOnlyDictionary<string, string> Profiles, long AutoMerged, long Pairs)? previous = null;
        while (true)
        {
            var current = (await database.ProfilesByTravellerAsync(cancellationToken), await database.AiMergesAsync(cancellationToken), await database.MatchPairsAsync(cancellationToken));
            var unchanged = previous is { } p && p.AutoMerged == current.Item2 && p.Pairs == current.Item3
                && p.Profiles.Count == current.Item1.Count && p.Profiles.All(e => current.Item1.TryGetValue(e.Key, out var v) && v == e.Value);
            if (!unchanged || current.Item1.Count < travellers)
            {
                quiet.Restart();
            }
            else if (quiet.Elapsed >= QuietPeriod)
            {
                return current;
            }

            if (watch.Elapsed > timeout)
            {
                throw new BenchFailedException($"the profiles did not settle within {timeout.TotalSeconds:0} s ({current.Item1.Count}/{travellers} travellers stored)");
            }

            MatchEvalLog.Settling(logger, current.Item1.Count, travellers);
            previous = current;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(10);

    private void Print(string line) => output.WriteLine(line);
}
