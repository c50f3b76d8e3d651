namespace Upt.Storage;

/// <summary>A place the subject's data was found: a location type and a description without personal data.</summary>
public sealed record PrivacyLocation(string Type, string Location);
