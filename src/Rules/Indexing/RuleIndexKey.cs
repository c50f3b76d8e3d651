namespace Upt.Rules;

/// <summary>
/// One index entry a record produces for one rule (UPT's rule index row without the connect id).
/// Same-field rules give <see cref="Value1"/> = <see cref="Value2"/>; a cross-type rule gives one side only
/// (a booking: <c>b1</c> / ""; a clickstream: "" / <c>b1</c>), which is what <see cref="RuleKeyMatcher"/> pairs up.
/// </summary>
/// <param name="RuleIndex">The rule's index.</param>
/// <param name="Value1">The incoming side's normalised segments joined with <c>_</c>.</param>
/// <param name="Value2">The existing side's normalised segments joined with <c>_</c>.</param>
/// <param name="Timestamp">The record's time, only for rules with a <c>within_seconds</c> filter (else null, so keys stay deterministic).</param>
public sealed record RuleIndexKey(int RuleIndex, string Value1, string Value2, DateTimeOffset? Timestamp = null)
{
    /// <summary>What to look up among stored keys to find this key's matches (upt-core §3.5).</summary>
    public RuleKeyProbe Probe => Value2.Length > 0
        ? new RuleKeyProbe(RuleIndex, RuleKeyColumn.Value1, Value2)
        : new RuleKeyProbe(RuleIndex, RuleKeyColumn.Value2, Value1);
}
