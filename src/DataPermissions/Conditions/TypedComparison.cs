using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Conditions;

/// <summary>
/// Compares an attribute with literal text by the attribute's JSON type: numbers numerically (every operator);
/// strings exactly and case-sensitively (<c>=</c>, <c>!=</c>, <c>in</c>), except that a <c>YYYY/MM/DD</c> literal
/// against a date or ISO timestamp string compares calendar days (UTC), with every operator; booleans with
/// <c>true</c>/<c>false</c> (<c>=</c>, <c>!=</c>, <c>in</c>). Anything else (missing, null, objects, arrays, a literal
/// of the wrong type, ordering of strings) is false.
/// </summary>
public static class TypedComparison
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd"];

    /// <summary>True when <paramref name="value"/> <paramref name="op"/> <paramref name="literals"/> holds.</summary>
    public static bool Holds(JsonNode? value, ComparisonOperator op, IReadOnlyList<string> literals)
    {
        ArgumentNullException.ThrowIfNull(literals);
        if (value is not JsonValue scalar || literals.Count == 0)
        {
            return false;
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.Number => double.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && Apply(op, literals, literal => TryNumber(literal) is { } other ? number.CompareTo(other) : null),
            JsonValueKind.String => Text(scalar) is { } text && Apply(op, literals, literal => CompareText(text, literal, op)),
            JsonValueKind.True or JsonValueKind.False => op is ComparisonOperator.Equal or ComparisonOperator.NotEqual or ComparisonOperator.In
                && Apply(op, literals, literal => bool.TryParse(literal, out var b) && literal == (b ? "true" : "false")
                    ? (scalar.GetValueKind() == JsonValueKind.True) == b ? 0 : 1
                    : null),
            _ => false,
        };
    }

    /// <summary>A <c>YYYY/MM/DD</c> literal as a day, else null.</summary>
    public static DateOnly? DayLiteral(string literal) =>
        literal.Length == 10 && DateOnly.TryParseExact(literal, "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// Applies <paramref name="op"/> to the outcomes of <paramref name="compare"/> (sign of attribute vs literal; null:
    /// not comparable, which makes every operator false, <c>!=</c> included).
    /// </summary>
    private static bool Apply(ComparisonOperator op, IReadOnlyList<string> literals, Func<string, int?> compare)
    {
        if (op == ComparisonOperator.In)
        {
            return literals.Any(l => compare(l) == 0);
        }

        if (compare(literals[0]) is not { } sign)
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.Equal => sign == 0,
            ComparisonOperator.NotEqual => sign != 0,
            ComparisonOperator.Less => sign < 0,
            ComparisonOperator.LessOrEqual => sign <= 0,
            ComparisonOperator.Greater => sign > 0,
            ComparisonOperator.GreaterOrEqual => sign >= 0,
            _ => false,
        };
    }

    private static int? CompareText(string text, string literal, ComparisonOperator op)
    {
        if (DayLiteral(literal) is { } day && Day(text) is { } actual)
        {
            return actual.CompareTo(day);
        }

        // Strings only support equality: an ordering operator on them is a type error, hence false.
        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual or ComparisonOperator.In))
        {
            return null;
        }

        return string.Equals(text, literal, StringComparison.Ordinal) ? 0 : 1;
    }

    private static DateOnly? Day(string text)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // ISO 8601 timestamps only (a 'T' after the date), compared by their UTC calendar day.
        return text.Length > 10 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.UtcDateTime)
            : null;
    }

    private static double? TryNumber(string literal) =>
        double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    // A value built from a CLR primitive (a DateTimeOffset, say) is not a string to TryGetValue; its JSON text is.
    private static string? Text(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString());
}
