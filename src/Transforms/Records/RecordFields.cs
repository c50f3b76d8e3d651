namespace Upt.Transforms.Records;

/// <summary>Bookkeeping fields present on every flat record.</summary>
public static class RecordFields
{
    /// <summary>The flat record type.</summary>
    public const string ObjectType = "object_type";

    /// <summary>The traveller (profile) the record belongs to: storage's PROFILE index.</summary>
    public const string TravellerId = "traveller_id";

    /// <summary>The record's key within its traveller: storage's UNIQUE index.</summary>
    public const string ObjectId = "accp_object_id";

    /// <summary>Timestamp deciding profile-level last-writer-wins (<c>YYYY-MM-DDTHH:MM:SS.ffffffZ</c>).</summary>
    public const string LastUpdated = "last_updated";

    /// <summary>Transaction id.</summary>
    public const string TxId = "tx_id";
}
