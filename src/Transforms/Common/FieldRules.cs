namespace Upt.Transforms.Common;

/// <summary>UPT's string-field validation: length and forbidden characters. Messages are UPT's exact texts.</summary>
internal static class FieldRules
{
    public const int MaxFieldLength = 255;

    private static readonly System.Buffers.SearchValues<char> SingleLineForbidden =
        System.Buffers.SearchValues.Create("\\\b\f\n\r\t{}<>^=");

    private static readonly System.Buffers.SearchValues<char> UrlForbidden = System.Buffers.SearchValues.Create("\n\r");

    public static string Validate(string value, StringKind kind = StringKind.SingleLine, int maxLength = MaxFieldLength)
    {
        if (value.Length > maxLength)
        {
            // Two spaces before "exceeds": UPT's exact text, kept so error records match.
            throw new TransformException($"field value of size {value.Length}  exceeds the maximum field length of {maxLength}");
        }

        var forbidden = kind switch
        {
            StringKind.SingleLine => SingleLineForbidden,
            StringKind.Url => UrlForbidden,
            _ => null,
        };
        if (forbidden is not null)
        {
            var at = value.AsSpan().IndexOfAny(forbidden);
            if (at >= 0)
            {
                throw new TransformException($"field value contains invalid characters {Describe(value[at])}");
            }
        }

        return value;
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => c.ToString(),
    };
}
