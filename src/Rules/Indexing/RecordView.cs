namespace Upt.Rules;

/// <summary>What one record offers to conditions: the profile-level data and, optionally, one object.</summary>
internal readonly record struct RecordView(IReadOnlyDictionary<string, string> Profile, RuleObject? Object)
{
    /// <summary>True when conditions on <paramref name="type"/> can be evaluated for this record.</summary>
    public bool Covers(string type) => type == RuleObjectTypes.Profile || (Object is not null && Object.Type == type);

    /// <summary>The raw value of <paramref name="field"/> of <paramref name="type"/> ("" when absent).</summary>
    public string Get(string type, string field)
    {
        if (type != RuleObjectTypes.Profile)
        {
            return Object is not null && Object.Type == type ? Object.Fields.GetValueOrDefault(field) ?? "" : "";
        }

        if (Profile.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value))
        {
            return value;
        }

        return field == ProfileRuleFields.EmailAddress
            ? FirstNonEmpty(Upt.Matching.ProfileFieldNames.PersonalEmail, Upt.Matching.ProfileFieldNames.BusinessEmail)
            : "";
    }

    private string FirstNonEmpty(params string[] fields)
    {
        foreach (var field in fields)
        {
            if (Profile.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return "";
    }
}
