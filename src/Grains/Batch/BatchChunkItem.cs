using Upt.Storage;

namespace Upt.Grains.Batch;

/// <summary>One line on its way to the pipeline: a raw record to ingest, or an error record the job wrote itself.</summary>
internal sealed record BatchChunkItem(BatchFileProgress File, string SourceId, string PartitionKey, RawRecord? Record, ErrorRow? Error);
