namespace Upt.Matching;

/// <summary>Upt's profile-level field names that <see cref="MatchCandidate.FromProfileFields(IReadOnlyDictionary{string, string}, IEnumerable{string})"/> reads.</summary>
public static class ProfileFieldNames
{
    public const string FirstName = "FirstName";
    public const string LastName = "LastName";
    public const string BirthDate = "BirthDate";
    public const string Address1 = "Address.Address1";
    public const string Address2 = "Address.Address2";
    public const string City = "Address.City";
    public const string PostalCode = "Address.PostalCode";
    public const string State = "Address.State";
    public const string Country = "Address.Country";
    public const string PersonalEmail = "PersonalEmailAddress";
    public const string BusinessEmail = "BusinessEmailAddress";
    public const string Phone = "PhoneNumber";
    public const string MobilePhone = "MobilePhoneNumber";
    public const string HomePhone = "HomePhoneNumber";
    public const string BusinessPhone = "BusinessPhoneNumber";

    /// <summary>Email fields, in preference order.</summary>
    public static readonly IReadOnlyList<string> Emails = [PersonalEmail, BusinessEmail];

    /// <summary>Phone fields, in preference order.</summary>
    public static readonly IReadOnlyList<string> Phones = [Phone, MobilePhone, HomePhone, BusinessPhone];
}
