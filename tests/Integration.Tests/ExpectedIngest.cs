using Upt.Transforms;
using Upt.Transforms.Envelope;

namespace Upt.Integration.Tests;

/// <summary>The key of a stored object: unique per (flat type, traveller id, object id), as in upt_objects.</summary>
public readonly record struct ObjectKey(string Type, string TravellerId, string ObjectId)
{
    public override string ToString() => $"{Type}/{TravellerId}/{ObjectId}";
}

/// <summary>
/// What ingesting a set of envelopes must leave behind, computed in-process with the same transforms the silo runs:
/// one profile per distinct traveller id (no merges in these inputs), one object per distinct object key, one error
/// per envelope that does not parse or transform.
/// </summary>
public sealed class ExpectedIngest
{
    private readonly HashSet<ObjectKey> _objects = [];
    private readonly List<IReadOnlyList<ObjectKey>> _perEnvelope = [];

    private ExpectedIngest()
    {
    }

    /// <summary>Every object key.</summary>
    public IReadOnlySet<ObjectKey> Objects => _objects;

    /// <summary>Distinct traveller ids, ordinal order.</summary>
    public IReadOnlyList<string> Travellers { get; private set; } = [];

    /// <summary>Objects per flat type.</summary>
    public IReadOnlyDictionary<string, long> ObjectsByType { get; private set; } = new Dictionary<string, long>();

    /// <summary>Traveller id → flat type → object ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> ByTraveller { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>();

    /// <summary>Envelopes rejected as a whole (bad envelope or failed transform).</summary>
    public int Errors { get; private set; }

    /// <summary>The object keys each envelope yields, in input order (empty for a rejected one).</summary>
    public IReadOnlyList<IReadOnlyList<ObjectKey>> PerEnvelope => _perEnvelope;

    /// <summary>Profiles Upt must create: one per distinct traveller id.</summary>
    public long Profiles => Travellers.Count;

    public static ExpectedIngest Of(IEnumerable<byte[]> envelopes)
    {
        var expected = new ExpectedIngest();
        foreach (var bytes in envelopes)
        {
            var keys = Transform(bytes);
            if (keys is null)
            {
                expected.Errors++;
                expected._perEnvelope.Add([]);
                continue;
            }

            expected._perEnvelope.Add(keys);
            expected._objects.UnionWith(keys);
        }

        expected.Travellers = expected._objects.Select(o => o.TravellerId).Distinct().Order(StringComparer.Ordinal).ToList();
        expected.ObjectsByType = expected._objects.GroupBy(o => o.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        expected.ByTraveller = expected._objects.GroupBy(o => o.TravellerId, StringComparer.Ordinal).ToDictionary(
            t => t.Key,
            t => (IReadOnlyDictionary<string, IReadOnlySet<string>>)t.GroupBy(o => o.Type, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(o => o.ObjectId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal),
            StringComparer.Ordinal);
        return expected;
    }

    /// <summary>The object keys of one envelope, or null when Upt must reject it.</summary>
    public static IReadOnlyList<ObjectKey>? Transform(byte[] envelopeJson)
    {
        using var parsed = EnvelopeParser.Parse(envelopeJson);
        if (!parsed.IsSuccess)
        {
            return null;
        }

        var envelope = parsed.Envelope;
        var result = BusinessObjectTransformer.Transform(envelope.ObjectType, envelope.Data, new TransformOptions(envelope.Uid, TimeProvider.System));
        if (!result.IsSuccess)
        {
            return null;
        }

        return result.AllRecords.Select(r => new ObjectKey(
            (string)r["object_type"]!,
            (string)r["traveller_id"]!,
            (string)r["accp_object_id"]!)).ToList();
    }
}
