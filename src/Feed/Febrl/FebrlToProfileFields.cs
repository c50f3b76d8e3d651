using System.Text.Json.Nodes;
using Upt.Transforms;
using Upt.Transforms.Records;

namespace Upt.Feed.Febrl;

/// <summary>
/// Runs a FEBRL row through the real path up to the profile: guest_profile JSON → <see cref="BusinessObjectTransformer"/>
/// → flat records → profile-level fields (<see cref="ProfileFieldMap"/>), plus the loyalty ids. The offline matching
/// harness builds its candidates from this, so it sees exactly what a profile would hold.
/// </summary>
public static class FebrlToProfileFields
{
    private static readonly TransformOptions Options = new("febrl", TimeProvider.System);

    /// <summary>The profile fields and loyalty ids of <paramref name="r"/>.</summary>
    /// <exception cref="InvalidOperationException">The transform rejected the object (it should never for cleaned FEBRL rows).</exception>
    public static (IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> LoyaltyIds) Map(FebrlRecord r, bool withLoyaltyId)
    {
        var json = FebrlToGuestProfile.Map(r, withLoyaltyId);
        var result = BusinessObjectTransformer.Transform("guest_profile", System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Options);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{r.RecId}: {result.Error.Message}");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var loyalty = new List<string>();
        foreach (var record in result.AllRecords)
        {
            var type = (string?)record["object_type"] ?? "";
            foreach (var mapping in ProfileFieldMap.For(type))
            {
                if (record[mapping.FlatField] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0)
                {
                    if (mapping.ProfileField == "Attributes.loyalty_id")
                    {
                        loyalty.Add(s);
                    }
                    else
                    {
                        fields.TryAdd(mapping.ProfileField, s);
                    }
                }
            }
        }

        return (fields, loyalty);
    }
}
