namespace Upt.Rules;

/// <summary>Object type names with a special meaning in conditions.</summary>
public static class RuleObjectTypes
{
    /// <summary>The profile-level data (FirstName, Address.City, Attributes.x ...) rather than one object.</summary>
    public const string Profile = "_profile";

    /// <summary>The pseudo-field of filter conditions: the record's time.</summary>
    public const string TimestampField = "timestamp";
}
