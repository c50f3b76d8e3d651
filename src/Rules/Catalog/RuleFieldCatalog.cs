using Upt.Matching;
using Upt.Transforms.Records;

namespace Upt.Rules;

/// <summary>Which object types and fields conditions may name, and what kind of value each field holds.</summary>
public static class RuleFieldCatalog
{
    /// <summary>The <c>_profile</c> fields (Upt's profile-level names); the API lists them as <c>profileMappings</c>.</summary>
    public static IReadOnlyList<string> ProfileFields => ProfileRuleFields.All;

    private static readonly HashSet<string> ProfileFieldSet = new(ProfileRuleFields.All, StringComparer.Ordinal);

    private static readonly Dictionary<string, HashSet<string>> ObjectFieldSets =
        ObjectRuleFields.ByType.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>True for <c>_profile</c> and the 14 flat record types.</summary>
    public static bool IsKnownType(string? type) => type == RuleObjectTypes.Profile || (type is not null && ObjectFieldSets.ContainsKey(type));

    /// <summary>The fields of <paramref name="type"/>; empty for an unknown type.</summary>
    public static IReadOnlyList<string> FieldsOf(string type) =>
        type == RuleObjectTypes.Profile ? ProfileRuleFields.All : ObjectRuleFields.ByType.GetValueOrDefault(type) ?? [];

    /// <summary>True when <paramref name="field"/> is a column of <paramref name="type"/> (templates are not).</summary>
    public static bool IsField(string type, string field) =>
        type == RuleObjectTypes.Profile ? ProfileFieldSet.Contains(field) : ObjectFieldSets.TryGetValue(type, out var set) && set.Contains(field);

    /// <summary>
    /// The kind of value <paramref name="field"/> holds, for the placeholder guard: e-mail, phone, date, address and
    /// identifier fields have extra fillers (test@test.com, 0000000, 1900-01-01); everything else is checked as a name.
    /// </summary>
    public static BlockedValueKind KindOf(string type, string field)
    {
        // Two history types keep their value in a column named for what it is, not how it is spelt.
        if (type == FlatRecordTypes.EmailHistory && field == "address")
        {
            return BlockedValueKind.Email;
        }

        if (type == FlatRecordTypes.PhoneHistory && field == "number")
        {
            return BlockedValueKind.Phone;
        }

        var name = field.StartsWith("Attributes.", StringComparison.Ordinal) ? field["Attributes.".Length..] : field;
        var lower = name.ToLowerInvariant();
        if (lower.Contains("email", StringComparison.Ordinal))
        {
            return BlockedValueKind.Email;
        }

        if (lower.Contains("phone", StringComparison.Ordinal))
        {
            return BlockedValueKind.Phone;
        }

        if (lower.Contains("birth", StringComparison.Ordinal))
        {
            return BlockedValueKind.Date;
        }

        if (lower.StartsWith("address", StringComparison.Ordinal) || lower.Contains("address.", StringComparison.Ordinal))
        {
            return BlockedValueKind.Address;
        }

        if (lower == "id" || lower.EndsWith("_id", StringComparison.Ordinal) || lower.EndsWith("id1", StringComparison.Ordinal)
            || lower.EndsWith("id2", StringComparison.Ordinal) || lower.EndsWith("id3", StringComparison.Ordinal)
            || lower.EndsWith("_number", StringComparison.Ordinal) || lower == "value")
        {
            return BlockedValueKind.Identifier;
        }

        return BlockedValueKind.Name;
    }
}
