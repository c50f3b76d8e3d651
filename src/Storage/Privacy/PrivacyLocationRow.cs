namespace Upt.Storage;

/// <summary>A row of <c>upt_privacy_locations</c>: one place a search found the subject's data, with its own status.</summary>
public sealed record PrivacyLocationRow(string Type, string Location, string Status, string ErrorMessage);
