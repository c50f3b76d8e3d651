using System.Text.Json.Serialization;

namespace Upt.Rules;

/// <summary>One condition of a <see cref="Rule"/>, in UPT's JSON shape (upt-surface §6.4).</summary>
[GenerateSerializer, Immutable, Alias("upt.rules.condition")]
public sealed record Condition
{
    /// <summary>Position within the rule.</summary>
    [Id(0), JsonPropertyName("index")] public int Index { get; init; }

    /// <summary><see cref="ConditionTypes.Match"/>, <see cref="ConditionTypes.Filter"/> or <see cref="ConditionTypes.Skip"/>.</summary>
    [Id(1), JsonPropertyName("conditionType")] public string ConditionType { get; init; } = "";

    /// <summary><see cref="RuleObjectTypes.Profile"/> or a flat record type such as <c>air_booking</c>.</summary>
    [Id(2), JsonPropertyName("incomingObjectType")] public string IncomingObjectType { get; init; } = "";

    /// <summary>A field of <see cref="IncomingObjectType"/>, or a template such as <c>{{.FirstName}} {{.LastName}}</c>.</summary>
    [Id(3), JsonPropertyName("incomingObjectField")] public string IncomingObjectField { get; init; } = "";

    /// <summary>One of <see cref="ConditionOps"/>; ignored by match conditions (always equality of normalised values).</summary>
    [Id(4), JsonPropertyName("op")] public string Op { get; init; } = "";

    /// <summary>Second operand of skip conditions with <c>equals</c> / <c>not_equals</c>.</summary>
    [Id(5), JsonPropertyName("incomingObjectType2")] public string IncomingObjectType2 { get; init; } = "";

    [Id(6), JsonPropertyName("incomingObjectField2")] public string IncomingObjectField2 { get; init; } = "";

    /// <summary>The other side of a match; both empty: the same field on both sides.</summary>
    [Id(7), JsonPropertyName("existingObjectType")] public string ExistingObjectType { get; init; } = "";

    [Id(8), JsonPropertyName("existingObjectField")] public string ExistingObjectField { get; init; } = "";

    [Id(9), JsonPropertyName("skipConditionValue")] public RuleValue SkipConditionValue { get; init; } = new();

    /// <summary>For <c>within_seconds</c>: the window in seconds (<see cref="RuleValue.IntValue"/>).</summary>
    [Id(10), JsonPropertyName("filterConditionValue")] public RuleValue FilterConditionValue { get; init; } = new();

    /// <summary>Normalisation of match values; null (absent in the JSON) means <see cref="IndexNormalization.Default"/>.</summary>
    [Id(11), JsonPropertyName("indexNormalization")] public IndexNormalization? IndexNormalization { get; init; }
}
