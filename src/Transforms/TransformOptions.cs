namespace Upt.Transforms;

/// <summary>Per-call inputs that are not part of the business object.</summary>
/// <param name="TxId">Transaction id written to every flat record's <c>tx_id</c>.</param>
/// <param name="Clock">Clock used when a record has no <c>last_updated</c> source; tests inject a fixed one.</param>
public sealed record TransformOptions(string TxId, TimeProvider Clock)
{
    /// <summary>Options with the system clock.</summary>
    public static TransformOptions WithTxId(string txId) => new(txId, TimeProvider.System);
}
