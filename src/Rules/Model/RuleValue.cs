using System.Globalization;
using System.Text.Json.Serialization;

namespace Upt.Rules;

/// <summary>A literal operand (UPT's <c>Value</c>): <c>{valueType: "string"|"int", stringValue, intValue}</c>.</summary>
[GenerateSerializer, Immutable, Alias("upt.rules.value")]
public sealed record RuleValue
{
    public const string StringType = "string";
    public const string IntType = "int";

    [Id(0), JsonPropertyName("valueType")] public string ValueType { get; init; } = "";

    [Id(1), JsonPropertyName("stringValue")] public string StringValue { get; init; } = "";

    [Id(2), JsonPropertyName("intValue")] public int IntValue { get; init; }

    /// <summary>The value as text: the int for <c>int</c> values, else the string.</summary>
    public string AsText() => ValueType == IntType ? IntValue.ToString(CultureInfo.InvariantCulture) : StringValue ?? "";
}
