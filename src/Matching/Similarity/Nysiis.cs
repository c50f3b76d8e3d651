namespace Upt.Matching.Similarity;

/// <summary>
/// NYSIIS phonetic code (New York State Identification and Intelligence System, Taft 1970), truncated to six
/// characters as in the original. Chosen over Soundex because it keeps vowel position and handles common
/// English/European spelling variants better, and over Double Metaphone because one code per name keeps blocking keys single.
/// </summary>
public static class Nysiis
{
    /// <summary>The original code length.</summary>
    public const int MaxLength = 6;

    /// <summary>The code of <paramref name="name"/> (upper-case letters), or empty when it has no letters.</summary>
    public static string Encode(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        Span<char> s = stackalloc char[Math.Min(name.Length, 64) + 2];
        var n = 0;
        foreach (var ch in name)
        {
            var c = char.ToUpperInvariant(ch);
            if (c is >= 'A' and <= 'Z' && n < s.Length - 2)
            {
                s[n++] = c;
            }
        }

        if (n == 0)
        {
            return "";
        }

        var w = s[..n];
        FirstLetters(w);
        n = LastLetters(w, n);
        w = s[..n];

        Span<char> key = stackalloc char[n + 1];
        var k = 0;
        key[k++] = w[0];
        for (var i = 1; i < n; i++)
        {
            Translate(w, i, n);
            if (w[i] != key[k - 1])
            {
                key[k++] = w[i];
            }
        }

        if (k > 1 && key[k - 1] == 'S')
        {
            k--;
        }

        if (k > 2 && key[k - 2] == 'A' && key[k - 1] == 'Y')
        {
            key[k - 2] = 'Y';
            k--;
        }

        if (k > 1 && key[k - 1] == 'A')
        {
            k--;
        }

        return new string(key[..Math.Min(k, MaxLength)]);
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    private static bool StartsWith(ReadOnlySpan<char> w, int at, string text) =>
        at + text.Length <= w.Length && w.Slice(at, text.Length).SequenceEqual(text);

    private static void FirstLetters(Span<char> w)
    {
        if (StartsWith(w, 0, "MAC"))
        {
            w[1] = 'C';
        }
        else if (StartsWith(w, 0, "KN"))
        {
            w[0] = 'N';
        }
        else if (w[0] == 'K')
        {
            w[0] = 'C';
        }
        else if (StartsWith(w, 0, "PH") || StartsWith(w, 0, "PF"))
        {
            w[0] = 'F';
            w[1] = 'F';
        }
        else if (StartsWith(w, 0, "SCH"))
        {
            w[1] = 'S';
            w[2] = 'S';
        }
    }

    private static int LastLetters(Span<char> w, int n)
    {
        if (n < 2)
        {
            return n;
        }

        var end = w.Slice(n - 2, 2);
        if (end.SequenceEqual("EE") || end.SequenceEqual("IE"))
        {
            w[n - 2] = 'Y';
            return n - 1;
        }

        if (end.SequenceEqual("DT") || end.SequenceEqual("RT") || end.SequenceEqual("RD") || end.SequenceEqual("NT") || end.SequenceEqual("ND"))
        {
            w[n - 2] = 'D';
            return n - 1;
        }

        return n;
    }

    // Rewrites w in place at position i, so later positions see the rewritten letters (as the algorithm specifies).
    private static void Translate(Span<char> w, int i, int n)
    {
        var c = w[i];
        if (c == 'E' && i + 1 < n && w[i + 1] == 'V')
        {
            w[i] = 'A';
            w[i + 1] = 'F';
        }
        else if (IsVowel(c))
        {
            w[i] = 'A';
        }
        else if (c == 'Q')
        {
            w[i] = 'G';
        }
        else if (c == 'Z')
        {
            w[i] = 'S';
        }
        else if (c == 'M')
        {
            w[i] = 'N';
        }
        else if (c == 'K')
        {
            w[i] = i + 1 < n && w[i + 1] == 'N' ? 'N' : 'C';
        }
        else if (c == 'S' && StartsWith(w[..n], i, "SCH"))
        {
            w[i + 1] = 'S';
            w[i + 2] = 'S';
        }
        else if (c == 'P' && i + 1 < n && w[i + 1] == 'H')
        {
            w[i] = 'F';
            w[i + 1] = 'F';
        }
        else if (c == 'H' && (!IsVowel(w[i - 1]) || (i + 1 < n && !IsVowel(w[i + 1])) || i + 1 == n))
        {
            w[i] = w[i - 1];
        }
        else if (c == 'W' && IsVowel(w[i - 1]))
        {
            w[i] = w[i - 1];
        }
    }
}
