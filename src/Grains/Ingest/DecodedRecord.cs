using Upt.Storage;

namespace Upt.Grains.Ingest;

/// <summary>A raw record decoded: the flat records it yields for its domain, or the error record that replaces it.</summary>
internal sealed record DecodedRecord(string Domain, IReadOnlyList<IngestRecord> Records, ErrorRow? Error, int Skipped);
