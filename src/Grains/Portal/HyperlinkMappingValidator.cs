using System.Text.RegularExpressions;
using Upt.Rules;
using Upt.Transforms.Records;

namespace Upt.Grains.Portal;

/// <summary>
/// UPT's checks of hyperlink templates (upt-surface §6.3): a known object type, a stored column of it, an
/// <c>https://</c> URL with a host, no unclosed <c>{</c>, and every <c>{{word}}</c> placeholder a column of the same
/// type. Upt adds limits UPT left open: the number of mappings, the template's length and characters, duplicates.
/// </summary>
internal static partial class HyperlinkMappingValidator
{
    /// <summary>Most mappings one domain may hold.</summary>
    public const int MaxMappings = 100;

    /// <summary>Longest template accepted.</summary>
    public const int MaxTemplateLength = 2048;

    public static IReadOnlyList<string> Validate(IReadOnlyList<HyperlinkMapping> mappings)
    {
        if (mappings.Count > MaxMappings)
        {
            return [$"at most {MaxMappings} hyperlink mappings are allowed, got {mappings.Count}"];
        }

        var errors = new List<string>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i];
            if (MappingError(m) is { } error)
            {
                errors.Add($"hyperlinkMappings[{i}]: {error}");
            }
            else if (!seen.Add((m.AccpObject, m.FieldName)))
            {
                errors.Add($"hyperlinkMappings[{i}]: {m.AccpObject}.{m.FieldName} is mapped more than once");
            }
        }

        return errors;
    }

    private static string? MappingError(HyperlinkMapping m)
    {
        if (string.IsNullOrEmpty(m.AccpObject) || !FlatRecordTypes.IsKnown(m.AccpObject))
        {
            return $"accpObject '{Shown(m.AccpObject)}' is not a known object type";
        }

        if (string.IsNullOrEmpty(m.FieldName))
        {
            return "fieldName is required";
        }

        if (!RuleFieldCatalog.IsField(m.AccpObject, m.FieldName))
        {
            return $"fieldName '{Shown(m.FieldName)}' is not a field of {m.AccpObject}";
        }

        return TemplateError(m.AccpObject, m.HyperlinkTemplate);
    }

    private static string? TemplateError(string type, string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return "hyperlinkTemplate is required";
        }

        if (template.Length > MaxTemplateLength)
        {
            return $"hyperlinkTemplate exceeds the maximum length of {MaxTemplateLength}";
        }

        // Characters a URL never carries unescaped; braces are checked below as placeholders.
        if (template.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '\\' or '^' or '`' or '|'))
        {
            return "hyperlinkTemplate contains invalid characters";
        }

        if (!template.StartsWith("https://", StringComparison.Ordinal))
        {
            return "hyperlinkTemplate must start with https://";
        }

        if (PlaceholderError(type, template, out var placeholders) is { } error)
        {
            return error;
        }

        // Placeholders stand for values; the template must be a URL with a host whatever they hold.
        var sample = placeholders.Aggregate(template, (t, p) => t.Replace("{{" + p + "}}", "x", StringComparison.Ordinal));
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
            ? null
            : "hyperlinkTemplate is not a valid URL with a host";
    }

    private static string? PlaceholderError(string type, string template, out List<string> placeholders)
    {
        placeholders = [];
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '}')
            {
                return "hyperlinkTemplate has a '}' without a matching '{'";
            }

            if (template[i] != '{')
            {
                continue;
            }

            var isDouble = i + 1 < template.Length && template[i + 1] == '{';
            var close = template.IndexOf(isDouble ? "}}" : "}", i + (isDouble ? 2 : 1), StringComparison.Ordinal);
            if (close < 0)
            {
                return "hyperlinkTemplate has an unclosed '{'";
            }

            var end = close + (isDouble ? 2 : 1);
            var placeholder = template[i..end];
            var word = isDouble ? template[(i + 2)..close] : "";
            if (!isDouble || !WordPattern().IsMatch(word))
            {
                return $"hyperlinkTemplate has an invalid placeholder '{placeholder}' (placeholders are {{{{field}}}})";
            }

            if (!RuleFieldCatalog.IsField(type, word))
            {
                return $"placeholder '{placeholder}' is not a field of {type}";
            }

            placeholders.Add(word);
            i = end - 1;
        }

        return null;
    }

    /// <summary>A rejected value as the message shows it: at most 64 characters.</summary>
    private static string Shown(string? value) => value is { Length: > 64 } ? value[..64] + "..." : value ?? "";

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex WordPattern();
}
