using Upt.Matching;
using Upt.Transforms.Records;

namespace Upt.Rules;

/// <summary>
/// The <c>_profile</c> fields conditions may name: every profile-level field a flat record can fill (Upt's names,
/// which are UPT's), so address parts, BusinessName and attributes work too (UPT resolves those to empty, upt-core §3.1).
/// </summary>
internal static class ProfileRuleFields
{
    /// <summary>
    /// UPT's generic e-mail field. No Upt transform fills it; it reads as the profile's own value if present, else
    /// PersonalEmailAddress, else BusinessEmailAddress, so UPT rule sets written against it keep working.
    /// </summary>
    public const string EmailAddress = "EmailAddress";

    private static readonly string[] Leading =
    [
        ProfileFieldNames.FirstName, "MiddleName", ProfileFieldNames.LastName, ProfileFieldNames.BirthDate, "Gender",
        ProfileFieldNames.Phone, ProfileFieldNames.MobilePhone, ProfileFieldNames.HomePhone, ProfileFieldNames.BusinessPhone,
        EmailAddress, ProfileFieldNames.PersonalEmail, ProfileFieldNames.BusinessEmail, "BusinessName",
    ];

    /// <summary>All of them: the person fields first, then the address parts, then the attributes, each group sorted.</summary>
    public static IReadOnlyList<string> All { get; } = Build();

    private static string[] Build()
    {
        var mapped = FlatRecordTypes.All.SelectMany(ProfileFieldMap.For).Select(m => m.ProfileField).ToHashSet(StringComparer.Ordinal);
        var rest = mapped.Except(Leading, StringComparer.Ordinal).ToList();
        var attributes = rest.Where(f => f.StartsWith("Attributes.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var addresses = rest.Where(f => !f.StartsWith("Attributes.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        return [.. Leading, .. addresses, .. attributes];
    }
}
