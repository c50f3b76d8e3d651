namespace Upt.Grains;

/// <summary>
/// One rule-index key of a profile, as it travels between grains: rule <paramref name="RuleIndex"/> of rule-set
/// <paramref name="Version"/>, UPT's two index values, and for rules with a <c>within_seconds</c> filter the record's
/// time and the window.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.rule-key")]
public sealed record RuleKeyRef(
    [property: Id(0)] int Version,
    [property: Id(1)] int RuleIndex,
    [property: Id(2)] string Value1,
    [property: Id(3)] string Value2,
    [property: Id(4)] DateTimeOffset? Timestamp = null,
    [property: Id(5)] TimeSpan? Window = null)
{
    /// <summary>The value this key looks up (UPT §3.5: <c>Value2</c> against stored <c>Value1</c>, else <c>Value1</c> against stored <c>Value2</c>).</summary>
    public (int Column, string Value) Probe => Value2.Length > 0 ? (1, Value2) : (2, Value1);

    /// <summary>The evidence string recorded with a rule merge (and blocked after an unmerge).</summary>
    public string Evidence => $"v{Version}/r{RuleIndex}/{(Value2.Length > 0 ? Value2 : Value1)}";
}
