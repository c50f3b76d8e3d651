using System.Diagnostics;
using Upt.Feed.Envelopes;
using Upt.Kinesis;

namespace Upt.Cli.Produce;

/// <summary>
/// Puts envelopes on a Kinesis stream with PutRecords: batches within the API limits, an optional objects-per-second
/// pace, and retries of the entries PutRecords rejects (throttled shards) until they succeed or the attempts run out.
/// </summary>
internal sealed class KinesisProducer(IKinesisClient client, string streamName, double rate = 0, int maxEntryAttempts = 10)
{
    /// <summary>PutRecords takes at most 500 entries ...</summary>
    public const int MaxBatchEntries = 500;

    /// <summary>... and at most 5 MiB per request (data plus partition keys).</summary>
    public const int MaxBatchBytes = 5 * 1024 * 1024;

    /// <summary>One record's data plus partition key may not exceed 1 MiB.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>Live counters, for progress output while <see cref="SendAsync"/> runs.</summary>
    public ProduceProgress Progress { get; } = new();

    /// <summary>Sends every envelope; returns when all are sent or given up on. Cancellation ends it early (no throw).</summary>
    /// <exception cref="KinesisException">A non-retryable API error, e.g. the stream does not exist.</exception>
    public async Task<ProduceResult> SendAsync(IEnumerable<GeneratedEnvelope> envelopes, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var batch = new List<PutRecordsEntry>(MaxBatchEntries);
        var batchBytes = 0;
        long queued = 0;
        var batchLimit = BatchSizeFor(rate);
        try
        {
            foreach (var envelope in envelopes)
            {
                var size = envelope.EnvelopeJson.Length + System.Text.Encoding.UTF8.GetByteCount(envelope.PartitionKey);
                if (size > MaxRecordBytes)
                {
                    // Kinesis would reject the whole request; count it and keep the rest flowing.
                    Progress.AddFailed(1);
                    continue;
                }

                if (batch.Count == batchLimit || batchBytes + size > MaxBatchBytes)
                {
                    await PaceAsync(watch, queued - batch.Count, cancellationToken);
                    await PutWithRetriesAsync(batch, cancellationToken);
                    batch = new List<PutRecordsEntry>(MaxBatchEntries);
                    batchBytes = 0;
                }

                batch.Add(new PutRecordsEntry(envelope.EnvelopeJson, envelope.PartitionKey));
                batchBytes += size;
                queued++;
            }

            if (batch.Count > 0)
            {
                await PaceAsync(watch, queued - batch.Count, cancellationToken);
                await PutWithRetriesAsync(batch, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of an endless feed; the counters say what was sent.
        }

        return new ProduceResult(Progress.Sent, Progress.Failed, watch.Elapsed);
    }

    /// <summary>About ten requests a second at a set rate, so the pace is smooth; full batches when unpaced.</summary>
    internal static int BatchSizeFor(double rate) =>
        rate <= 0 ? MaxBatchEntries : (int)Math.Clamp(Math.Ceiling(rate / 10), 1, MaxBatchEntries);

    private async Task PaceAsync(Stopwatch watch, long firstOfBatch, CancellationToken cancellationToken)
    {
        if (rate <= 0)
        {
            return;
        }

        // Object n is due at n / rate seconds after the start; a batch goes when its first object is due.
        var wait = TimeSpan.FromSeconds(firstOfBatch / rate) - watch.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    private async Task PutWithRetriesAsync(List<PutRecordsEntry> entries, CancellationToken cancellationToken)
    {
        IReadOnlyList<PutRecordsEntry> pending = entries;
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var result = await client.PutRecordsAsync(streamName, pending, cancellationToken);
            var retry = new List<PutRecordsEntry>();
            for (var i = 0; i < result.Records.Count; i++)
            {
                if (result.Records[i].ErrorCode is not null)
                {
                    retry.Add(pending[i]);
                }
            }

            Progress.AddSent(pending.Count - retry.Count);
            if (retry.Count == 0)
            {
                return;
            }

            if (attempt >= maxEntryAttempts)
            {
                Progress.AddFailed(retry.Count);
                return;
            }

            // Rejected entries are throttled shards (ProvisionedThroughputExceeded) or internal failures: back off, resend only those.
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(5000, delay.TotalMilliseconds * 2));
            pending = retry;
        }
    }
}
