namespace Upt.Batch.Lines;

/// <summary>A line of a batch file read as an envelope for the ingest pipeline, or as an error.</summary>
public sealed record ParsedLine
{
    private ParsedLine(byte[]? envelope, string objectType, string partitionKey, string? error)
    {
        Envelope = envelope;
        ObjectType = objectType;
        PartitionKey = partitionKey;
        Error = error;
    }

    /// <summary>The UPT ingestion envelope (UTF-8 JSON) to ingest; null for an error.</summary>
    public byte[]? Envelope { get; }

    /// <summary>The business object type, or <c>unknown</c> when the line does not tell.</summary>
    public string ObjectType { get; }

    /// <summary>The main traveller's id (else the source id): lines with the same key are applied in file order.</summary>
    public string PartitionKey { get; }

    /// <summary>Why the line cannot be ingested; null for a record.</summary>
    public string? Error { get; }

    /// <summary>True when the line is an error.</summary>
    public bool IsError => Error is not null;

    internal static ParsedLine Record(byte[] envelope, string objectType, string partitionKey) => new(envelope, objectType, partitionKey, null);

    internal static ParsedLine Fail(string error, string objectType, string partitionKey) => new(null, objectType, partitionKey, error);
}
