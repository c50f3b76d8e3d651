using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Conditions;

/// <summary>
/// <c>field op value</c>, or <c>field in [v1,v2]</c>. The attribute's JSON type decides how values compare (see
/// <see cref="TypedComparison"/>); the field is found as <see cref="FieldNames.Find"/> does.
/// </summary>
public sealed class Comparison(string field, ComparisonOperator op, IReadOnlyList<string> values) : Condition
{
    /// <summary>The attribute name or dotted path.</summary>
    public string Field { get; } = field;

    public ComparisonOperator Operator { get; } = op;

    /// <summary>One value, or the list of <see cref="ComparisonOperator.In"/>.</summary>
    public IReadOnlyList<string> Values { get; } = values;

    public override bool Evaluate(JsonObject data) => TypedComparison.Holds(FieldNames.Find(data, Field), Operator, Values);

    public override string ToString() => Operator == ComparisonOperator.In
        ? $"{Field} in [{string.Join(',', Values.Select(Quote))}]"
        : $"{Field} {Symbol(Operator)} {Quote(Values[0])}";

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '(' or ')' or '[' or ']' or ',')
            ? value
            : $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
