using System.Text;

namespace Upt.Storage;

/// <summary>
/// Text PostgreSQL can store: it refuses the NUL character in <c>text</c> and <c>jsonb</c>, and a lone UTF-16
/// surrogate cannot be encoded as UTF-8. Error records must always be storable, whatever the bad input held.
/// </summary>
public static class StorableText
{
    /// <summary>True when <paramref name="value"/> holds a NUL character or a lone surrogate.</summary>
    public static bool HasUnstorable(string? value)
    {
        if (value is null)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="value"/> with each NUL and lone surrogate replaced by U+FFFD; the same string when there is none.</summary>
    public static string? Clean(string? value)
    {
        if (!HasUnstorable(value))
        {
            return value;
        }

        var text = new StringBuilder(value!.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return text.ToString();
    }

    /// <summary>A raw record as storable text: itself, or when it holds unstorable characters its UTF-8 bytes as <c>base64:</c>, so a retry reads it back exactly.</summary>
    public static string Raw(string raw) =>
        HasUnstorable(raw) ? "base64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)) : raw;
}
