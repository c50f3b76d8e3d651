using System.Text;

namespace Upt.Rules;

/// <summary>
/// A condition field that combines fields, such as <c>{{.FirstName}} {{.LastName}}</c>: literal text and
/// <c>{{.Field}}</c> placeholders (the form UPT's indexer evaluates; a field name may contain dots, e.g. <c>{{.Address.City}}</c>).
/// </summary>
public sealed class RuleTemplate
{
    private readonly (bool IsField, string Text)[] _parts;

    private RuleTemplate((bool, string)[] parts) => _parts = parts;

    /// <summary>The placeholder field names in order.</summary>
    public IReadOnlyList<string> Fields => _parts.Where(p => p.IsField).Select(p => p.Text).ToArray();

    /// <summary>True when <paramref name="field"/> is meant as a template (has braces) rather than a column name.</summary>
    public static bool IsTemplate(string field) => field.Contains("{{", StringComparison.Ordinal) || field.Contains("}}", StringComparison.Ordinal);

    /// <summary>Parses <paramref name="text"/>; false with a reason when braces do not balance or a placeholder is not <c>{{.Field}}</c>.</summary>
    public static bool TryParse(string text, out RuleTemplate? template, out string? error)
    {
        template = null;
        var parts = new List<(bool, string)>();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf("{{", pos, StringComparison.Ordinal);
            var literalEnd = open < 0 ? text.Length : open;
            var literal = text[pos..literalEnd];
            if (literal.Contains('{', StringComparison.Ordinal) || literal.Contains('}', StringComparison.Ordinal))
            {
                error = $"template '{text}' has unbalanced braces";
                return false;
            }

            if (literal.Length > 0)
            {
                parts.Add((false, literal));
            }

            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"template '{text}' has unbalanced braces";
                return false;
            }

            var inner = text[(open + 2)..close].Trim();
            if (inner.Contains('{', StringComparison.Ordinal))
            {
                error = $"template '{text}' has unbalanced braces";
                return false;
            }

            if (!inner.StartsWith('.') || inner.Length == 1)
            {
                error = $"template '{text}': placeholder '{{{{{inner}}}}}' must name a field as {{{{.Field}}}}";
                return false;
            }

            parts.Add((true, inner[1..]));
            pos = close + 2;
        }

        if (!parts.Any(p => p.Item1))
        {
            error = $"template '{text}' has no {{{{.Field}}}} placeholder";
            return false;
        }

        template = new RuleTemplate([.. parts]);
        error = null;
        return true;
    }

    /// <summary>The text with each placeholder replaced by <paramref name="lookup"/> of its field (missing: empty).</summary>
    public string Evaluate(Func<string, string?> lookup)
    {
        var sb = new StringBuilder();
        foreach (var (isField, text) in _parts)
        {
            sb.Append(isField ? lookup(text) ?? "" : text);
        }

        return sb.ToString();
    }
}
