using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Upt.Cli.Produce;
using Upt.Kinesis;

namespace Upt.Cli.Bench;

/// <summary>
/// Latency under a steady feed: fresh synthetic objects at a fixed rate; for a sample of them (each the first object
/// of a traveller not seen before) the time from PutRecords' acknowledgement until the API finds the traveller's
/// profile, polling every few milliseconds.
/// </summary>
internal sealed class LatencyProbe(IKinesisClient kinesis, string stream, Uri apiUrl, string domain)
{
    /// <summary>How long the feed runs.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Probes to aim for (at least 200 are wanted for a meaningful p99).</summary>
    public int TargetProbes { get; init; } = 250;

    /// <summary>
    /// Pause between two polls of one probe. Each poll is an API request, a grain call and a PostgreSQL lookup, so
    /// the polls themselves load the 2-core machine; 10 ms is the coarser end of what still resolves latency well.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    private long _polls;

    /// <summary>Longest wait for one probe.</summary>
    public TimeSpan Bound { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<LatencyResult> RunAsync(int seed, double rate, CancellationToken cancellationToken)
    {
        var count = (int)Math.Max(TargetProbes * 2, Math.Ceiling(rate * Duration.TotalSeconds));
        var workload = BenchWorkload.Generate(seed, domain, count);
        var probes = PickProbes(workload);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        using var http = new HttpClient(handler) { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(10) };
        var polls = new ConcurrentBag<Task<double?>>();
        var client = new AckRecordingKinesisClient(kinesis, (data, ackedAt) =>
        {
            if (probes.TryGetValue(data, out var traveller))
            {
                polls.Add(Task.Run(() => PollAsync(http, traveller, ackedAt, cancellationToken), cancellationToken));
            }
        });

        var producer = new KinesisProducer(client, stream, rate);
        var sent = await producer.SendAsync(workload.Envelopes, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var results = await Task.WhenAll(polls);
        var found = results.OfType<double>().ToList();
        var timedOut = results.Length - found.Count;

        // A probe that never became readable counts at the bound: dropping it would flatter the tail.
        found.AddRange(Enumerable.Repeat(Bound.TotalMilliseconds, timedOut));
        return new LatencyResult(found, timedOut, sent.Sent, rate, sent.Elapsed, Interlocked.Read(ref _polls));
    }

    /// <summary>Every k-th envelope whose main traveller appears for the first time, about <see cref="TargetProbes"/> in all.</summary>
    private Dictionary<byte[], string> PickProbes(BenchWorkload workload)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(byte[] Data, string Traveller)>();
        for (var i = 0; i < workload.Envelopes.Count; i++)
        {
            var travellers = workload.Travellers[i];
            if (travellers.Count > 0 && !seen.Contains(travellers[0]))
            {
                candidates.Add((workload.Envelopes[i].EnvelopeJson, travellers[0]));
            }

            // Every traveller the envelope touches is known from now on (a companion on a booking gets a profile too).
            seen.UnionWith(travellers);
        }

        var step = Math.Max(1, candidates.Count / TargetProbes);
        return candidates.Where((_, i) => i % step == 0).Take(TargetProbes)
            .ToDictionary(c => c.Data, c => c.Traveller, ReferenceEqualityComparer.Instance as IEqualityComparer<byte[]>);
    }

    private async Task<double?> PollAsync(HttpClient http, string traveller, long ackedAt, CancellationToken cancellationToken)
    {
        var url = $"/api/ucp/profile?travellerId={Uri.EscapeDataString(traveller)}";
        while (Stopwatch.GetElapsedTime(ackedAt) < Bound)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("customer-profiles-domain", domain);
            Interlocked.Increment(ref _polls);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode
                    && await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) is { } json
                    && json["profiles"] is JsonArray { Count: > 0 })
                {
                    return Stopwatch.GetElapsedTime(ackedAt).TotalMilliseconds;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A slow or failed poll is retried until the bound.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return null;
    }
}
