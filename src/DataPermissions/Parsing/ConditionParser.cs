using Upt.DataPermissions.Conditions;

namespace Upt.DataPermissions.Parsing;

/// <summary>
/// <c>condition = and-expr { "or" and-expr }</c>, <c>and-expr = term { "and" term }</c>,
/// <c>term = "(" condition ")" | field op value | field "in" "[" value { "," value } "]"</c>. Spaces are optional
/// around operators, brackets and commas but required around <c>and</c>/<c>or</c> between values; a value is a
/// quoted string (<c>"New York"</c>, <c>\"</c> and <c>\\</c> escapes) or a run of non-space characters whose
/// trailing <c>)</c> close groups, as UPT's tokens do.
/// </summary>
internal static class ConditionParser
{
    private const int MaxDepth = 32;

    public static Condition Parse(LineCursor cursor) => Or(cursor, 0);

    private static Condition Or(LineCursor cursor, int depth)
    {
        var terms = new List<Condition> { And(cursor, depth) };
        while (NextKeyword(cursor, "or"))
        {
            terms.Add(And(cursor, depth));
        }

        return terms.Count == 1 ? terms[0] : new AnyOf(terms);
    }

    private static Condition And(LineCursor cursor, int depth)
    {
        var terms = new List<Condition> { Term(cursor, depth) };
        while (NextKeyword(cursor, "and"))
        {
            terms.Add(Term(cursor, depth));
        }

        return terms.Count == 1 ? terms[0] : new AllOf(terms);
    }

    private static bool NextKeyword(LineCursor cursor, string word)
    {
        var before = cursor.Position;
        cursor.SkipSpaces();
        if (cursor.TryKeyword(word, '('))
        {
            return true;
        }

        cursor.Position = before;
        return false;
    }

    private static Condition Term(LineCursor cursor, int depth)
    {
        cursor.SkipSpaces();
        var open = cursor.Position;
        if (cursor.TryConsume('('))
        {
            if (depth >= MaxDepth)
            {
                throw cursor.Error(open, $"parentheses nested deeper than {MaxDepth}");
            }

            var inner = Or(cursor, depth + 1);
            cursor.SkipSpaces();
            if (!cursor.TryConsume(')'))
            {
                throw cursor.Error($"expected 'and', 'or' or ')' to close the '(' at column {open + 1}, found {cursor.Found()}");
            }

            return inner;
        }

        return Comparison(cursor);
    }

    private static Comparison Comparison(LineCursor cursor)
    {
        var field = cursor.ReadName(path: true) ?? throw cursor.Error($"expected a field name or '(', found {cursor.Found()}");
        cursor.SkipSpaces();
        var op = Operator(cursor) ?? throw cursor.Error($"expected an operator (=, !=, <, <=, >, >=, in) after '{field}', found {cursor.Found()}");
        cursor.SkipSpaces();
        var values = op == ComparisonOperator.In ? List(cursor) : [Value(cursor, inList: false)];
        return new Comparison(field, op, values);
    }

    private static ComparisonOperator? Operator(LineCursor cursor)
    {
        foreach (var (symbol, op) in Symbols)
        {
            if (cursor.TryConsume(symbol))
            {
                return op;
            }
        }

        return cursor.TryKeyword("in", '[') ? ComparisonOperator.In : null;
    }

    // Longest first, so "<=" is not read as "<" followed by a value "=...".
    private static readonly (string Symbol, ComparisonOperator Op)[] Symbols =
    [
        ("<=", ComparisonOperator.LessOrEqual), (">=", ComparisonOperator.GreaterOrEqual), ("!=", ComparisonOperator.NotEqual),
        ("==", ComparisonOperator.Equal), ("=", ComparisonOperator.Equal), ("<", ComparisonOperator.Less), (">", ComparisonOperator.Greater),
    ];

    private static List<string> List(LineCursor cursor)
    {
        if (!cursor.TryConsume('['))
        {
            throw cursor.Error($"expected '[' after 'in', found {cursor.Found()}");
        }

        var values = new List<string>();
        do
        {
            cursor.SkipSpaces();
            values.Add(Value(cursor, inList: true));
            cursor.SkipSpaces();
        }
        while (cursor.TryConsume(','));

        if (!cursor.TryConsume(']'))
        {
            throw cursor.Error($"expected ',' or ']' in the list, found {cursor.Found()}");
        }

        return values;
    }

    private static string Value(LineCursor cursor, bool inList)
    {
        if (!cursor.AtEnd && cursor.Current == '"')
        {
            return Quoted(cursor);
        }

        var start = cursor.Position;
        while (!cursor.AtEnd && !char.IsWhiteSpace(cursor.Current) && !(inList && cursor.Current is ',' or ']'))
        {
            cursor.Position++;
        }

        // A run's trailing ')' close groups (UPT strips them from the last token of a group).
        while (!inList && cursor.Position > start && cursor.Text[cursor.Position - 1] == ')')
        {
            cursor.Position--;
        }

        if (cursor.Position == start)
        {
            throw cursor.Error($"expected a value, found {cursor.Found()}");
        }

        return cursor.Text[start..cursor.Position];
    }

    private static string Quoted(LineCursor cursor)
    {
        var open = cursor.Position++;
        var value = new System.Text.StringBuilder();
        while (!cursor.AtEnd)
        {
            var c = cursor.Current;
            cursor.Position++;
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\')
            {
                if (cursor.AtEnd || cursor.Current is not ('"' or '\\'))
                {
                    throw cursor.Error("only \\\" and \\\\ may follow a backslash in a quoted value");
                }

                c = cursor.Current;
                cursor.Position++;
            }

            value.Append(c);
        }

        throw cursor.Error(open, "unterminated quoted value");
    }
}
