using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Upt.Grains.Changes;
using Upt.Storage;

namespace Upt.Grains.Ingest;

/// <summary>
/// Runs one batch of raw records through the grid: decode at the edge, then each traveller's records
/// (in stream order) to its identifier grain, all travellers in parallel; error records are written
/// alongside. It returns only when every effect is durable, which is what lets the caller acknowledge
/// (checkpoint) the batch. Change events are published afterwards, one batch per domain.
/// </summary>
internal sealed class IngestPipeline(IGrainFactory grains, GroupCommitWriter writer, DomainSettingsCache settings, IStreamProvider? changes, ILogger logger)
{
    public async Task<IngestSummary> RunAsync(IReadOnlyList<RawRecord> batch, CancellationToken cancellationToken = default)
    {
        await settings.RefreshAsync(batch.Select(r => EnvelopeDomain.Peek(r.Data)));

        var errors = new List<ErrorRow>();
        var byTraveller = new Dictionary<(string Domain, string Traveller), List<IngestRecord>>();
        var order = new List<(string Domain, string Traveller)>();
        var flat = 0;
        var skipped = 0;
        foreach (var raw in batch)
        {
            var decoded = RecordDecoder.Decode(raw, settings.Get);
            skipped += decoded.Skipped;
            if (decoded.Error is not null)
            {
                errors.Add(decoded.Error);
                continue;
            }

            foreach (var record in decoded.Records)
            {
                var key = (decoded.Domain, record.TravellerId);
                if (!byTraveller.TryGetValue(key, out var list))
                {
                    byTraveller[key] = list = [];
                    order.Add(key);
                }

                list.Add(record);
                flat++;
            }
        }

        var errorWrite = writer.WriteErrorsAsync(errors, cancellationToken);
        var applies = order.Select(key => grains
            .GetGrain<IIdentifierGrain>(GrainKeys.Identifier(key.Domain, IdentifierKinds.Traveller, key.Traveller))
            .IngestAsync(byTraveller[key], settings.Get(key.Domain)!, cancellationToken).AsTask()).ToList();

        // Wait for everything (even after a failure) so no write is left running when the batch is retried.
        var all = Task.WhenAll(applies.Cast<Task>().Append(errorWrite));
        try
        {
            await all;
        }
        catch when (all.Exception is { } aggregate)
        {
            throw aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate;
        }

        var events = applies.SelectMany(a => a.Result.Changes).ToList();
        IngestMetrics.Record(events);
        IngestMetrics.RecordErrors(errors.Select(e => e.Category));
        await ChangePublisher.PublishAsync(changes, events, logger);

        return new IngestSummary(batch.Count, flat, errors.Count + applies.Sum(a => a.Result.Errors), skipped, events.Count);
    }
}
