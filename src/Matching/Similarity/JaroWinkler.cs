namespace Upt.Matching.Similarity;

/// <summary>Jaro and Jaro-Winkler string similarity (Winkler 1990), allocation-free for strings up to 128 characters.</summary>
public static class JaroWinkler
{
    /// <summary>Winkler's standard prefix scale: each common leading character (up to 4) moves the score 10% closer to 1.</summary>
    public const double PrefixScale = 0.1;

    /// <summary>Winkler only boosts pairs already this similar, so unrelated strings with a shared initial stay low.</summary>
    public const double BoostThreshold = 0.7;

    private const int StackLimit = 128;

    /// <summary>Jaro-Winkler similarity in [0, 1]; 1 for equal strings, 0 when either is empty.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro < BoostThreshold)
        {
            return jaro;
        }

        var prefix = 0;
        var max = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < max && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1 - jaro));
    }

    /// <summary>Jaro similarity in [0, 1].</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        Span<bool> aFlags = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bFlags = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        aFlags.Clear();
        bFlags.Clear();

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (!bFlags[j] && a[i] == b[j])
                {
                    aFlags[i] = true;
                    bFlags[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        // Count matched characters that appear in a different order (each transposition is counted twice).
        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aFlags[i])
            {
                continue;
            }

            while (!bFlags[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                halfTranspositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (halfTranspositions / 2.0)) / m)) / 3.0;
    }
}
