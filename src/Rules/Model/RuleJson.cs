using System.Text.Json;

namespace Upt.Rules;

/// <summary>Reads and writes rules in UPT's JSON shape (camelCase names as UPT, every field written).</summary>
public static class RuleJson
{
    /// <summary>The options Upt uses for rule JSON (names come from the model's attributes).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The rule set as UPT JSON.</summary>
    public static string Serialize(RuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);

    /// <summary>A rule set from UPT JSON; JSON nulls become empty values, as UPT's Go decoding leaves zero values.</summary>
    public static RuleSet DeserializeRuleSet(string json)
    {
        var set = JsonSerializer.Deserialize<RuleSet>(json, Options) ?? throw new JsonException("a rule set must be a JSON object");
        return set with { Name = set.Name ?? "", Rules = Clean(set.Rules) };
    }

    /// <summary>Rules from a UPT JSON array.</summary>
    public static IReadOnlyList<Rule> DeserializeRules(string json) =>
        Clean(JsonSerializer.Deserialize<Rule[]>(json, Options) ?? throw new JsonException("rules must be a JSON array"));

    /// <summary>Rules from an already parsed JSON element (an array).</summary>
    public static IReadOnlyList<Rule> DeserializeRules(JsonElement element) =>
        Clean(element.Deserialize<Rule[]>(Options) ?? throw new JsonException("rules must be a JSON array"));

    /// <summary>Copies of <paramref name="rules"/> without nulls (a JSON null where a string or value belongs).</summary>
    public static IReadOnlyList<Rule> Clean(IReadOnlyList<Rule>? rules) =>
        (rules ?? []).Select(r => r is null ? new Rule() : r with
        {
            Name = r.Name ?? "",
            Description = r.Description ?? "",
            Conditions = (r.Conditions ?? []).Select(Clean).ToArray(),
        }).ToArray();

    private static Condition Clean(Condition? c) => c is null ? new Condition() : c with
    {
        ConditionType = c.ConditionType ?? "",
        IncomingObjectType = c.IncomingObjectType ?? "",
        IncomingObjectField = c.IncomingObjectField ?? "",
        Op = c.Op ?? "",
        IncomingObjectType2 = c.IncomingObjectType2 ?? "",
        IncomingObjectField2 = c.IncomingObjectField2 ?? "",
        ExistingObjectType = c.ExistingObjectType ?? "",
        ExistingObjectField = c.ExistingObjectField ?? "",
        SkipConditionValue = Clean(c.SkipConditionValue),
        FilterConditionValue = Clean(c.FilterConditionValue),
    };

    private static RuleValue Clean(RuleValue? v) => v is null ? new RuleValue() : v with { ValueType = v.ValueType ?? "", StringValue = v.StringValue ?? "" };
}
