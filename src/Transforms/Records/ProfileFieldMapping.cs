namespace Upt.Transforms.Records;

/// <summary>One flat field promoted to a profile-level field.</summary>
/// <param name="FlatField">Key in the flat record, e.g. <c>first_name</c>.</param>
/// <param name="ProfileField">Profile target, e.g. <c>FirstName</c>, <c>Address.City</c>, <c>Attributes.loyalty_id</c>.</param>
/// <param name="Searchable">Whether UPT marks the field searchable.</param>
public sealed record ProfileFieldMapping(string FlatField, string ProfileField, bool Searchable);
