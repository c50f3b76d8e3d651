namespace Upt.Batch.Lines;

/// <summary>A line of a batch file read as an envelope for the ingest pipeline, or as an error.</summary>
public sealed record ParsedLine
{
    private ParsedLine(byte[]? envelope, string objectType, string partitionKey, string? error, DateTimeOffset? timestamp = null)
    {
        Envelope = envelope;
        ObjectType = objectType;
        PartitionKey = partitionKey;
        Error = error;
        Timestamp = timestamp;
    }

    /// <summary>The UPT ingestion envelope (UTF-8 JSON) to ingest; null for an error.</summary>
    public byte[]? Envelope { get; }

    /// <summary>The business object type, or <c>unknown</c> when the line does not tell.</summary>
    public string ObjectType { get; }

    /// <summary>The main traveller's id (else the source id): lines with the same key are applied in file order.</summary>
    public string PartitionKey { get; }

    /// <summary>Why the line cannot be ingested; null for a record.</summary>
    public string? Error { get; }

    /// <summary>
    /// The envelope's own timestamp (UTC); null when the line has none that parses (a bare object, an envelope without one,
    /// an error), in which case only the file's day dates it.
    /// </summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>True when the line is an error.</summary>
    public bool IsError => Error is not null;

    internal static ParsedLine Record(byte[] envelope, string objectType, string partitionKey, DateTimeOffset? timestamp = null) =>
        new(envelope, objectType, partitionKey, null, timestamp);

    internal static ParsedLine Fail(string error, string objectType, string partitionKey) => new(null, objectType, partitionKey, error);
}
