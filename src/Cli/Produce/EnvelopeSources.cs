using Upt.Feed.Envelopes;
using Upt.Feed.Synthetic;

namespace Upt.Cli.Produce;

/// <summary>Where <c>upt produce</c> and <c>upt run</c> get envelopes from.</summary>
internal static class EnvelopeSources
{
    /// <summary>Each line of a JSONL file of business objects, wrapped in an envelope for <paramref name="domain"/>.</summary>
    public static IEnumerable<GeneratedEnvelope> FromFile(string path, string objectType, string domain)
    {
        using var reader = new StreamReader(path);
        foreach (var envelope in EnvelopeWriter.WrapJsonl(reader, objectType, domain, DateTimeOffset.UtcNow))
        {
            yield return envelope;
        }
    }

    /// <summary>
    /// Synthetic objects without end, for the feed of `upt run`: rounds of the generator with consecutive seeds, because
    /// one generator sizes its traveller pool from the count it is asked for.
    /// </summary>
    public static IEnumerable<GeneratedEnvelope> Endless(int seed, string domain, int roundSize = 20_000)
    {
        for (var round = 0; ; round++)
        {
            foreach (var envelope in new SyntheticTrafficGenerator(unchecked(seed + round), domain).Generate(roundSize))
            {
                yield return envelope;
            }
        }
    }

    /// <summary><paramref name="count"/> synthetic objects (deterministic for a seed).</summary>
    public static IEnumerable<GeneratedEnvelope> Generated(int seed, string domain, int count) =>
        new SyntheticTrafficGenerator(seed, domain).Generate(count);
}
