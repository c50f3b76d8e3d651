namespace Upt.Rules.Tests;

/// <summary>Terse builders for rules and conditions in tests.</summary>
internal static class R
{
    public static Rule Rule(int index, params Condition[] conditions) =>
        new() { Index = index, Name = $"rule{index}", Conditions = conditions.Select((c, i) => c with { Index = i }).ToArray() };

    public static Condition Match(string type, string field, string existingType = "", string existingField = "", IndexNormalization? normalization = null) => new()
    {
        ConditionType = ConditionTypes.Match,
        IncomingObjectType = type,
        IncomingObjectField = field,
        ExistingObjectType = existingType,
        ExistingObjectField = existingField,
        IndexNormalization = normalization,
    };

    public static Condition SkipValue(string type, string field, string op, string value) => new()
    {
        ConditionType = ConditionTypes.Skip,
        IncomingObjectType = type,
        IncomingObjectField = field,
        Op = op,
        SkipConditionValue = new RuleValue { ValueType = RuleValue.StringType, StringValue = value },
    };

    public static Condition SkipFields(string type, string field, string op, string type2, string field2) => new()
    {
        ConditionType = ConditionTypes.Skip,
        IncomingObjectType = type,
        IncomingObjectField = field,
        Op = op,
        IncomingObjectType2 = type2,
        IncomingObjectField2 = field2,
    };

    public static Condition Within(string type, string existingType, int seconds) => new()
    {
        ConditionType = ConditionTypes.Filter,
        IncomingObjectType = type,
        IncomingObjectField = RuleObjectTypes.TimestampField,
        ExistingObjectType = existingType,
        ExistingObjectField = RuleObjectTypes.TimestampField,
        Op = ConditionOps.WithinSeconds,
        FilterConditionValue = new RuleValue { ValueType = RuleValue.IntType, IntValue = seconds },
    };

    public static Dictionary<string, string> Profile(params (string Field, string Value)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);

    public static RuleObject Object(string type, params (string Field, string Value)[] fields) => new(type, Profile(fields));

    public static IReadOnlyList<RuleIndexKey> Index(IReadOnlyList<Rule> rules, Dictionary<string, string> profile, RuleObject? item = null) =>
        new RuleIndexer(rules).Index(profile, item);
}
