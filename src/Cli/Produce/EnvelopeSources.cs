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

    /// <summary><paramref name="count"/> synthetic objects (deterministic for a seed).</summary>
    public static IEnumerable<GeneratedEnvelope> Generated(int seed, string domain, int count) =>
        new SyntheticTrafficGenerator(seed, domain).Generate(count);
}
