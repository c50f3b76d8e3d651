namespace Upt.Storage;

/// <summary>A lookup entry: a normalised value of some kind that a profile carries.</summary>
public sealed record LookupRow(string Kind, string Value);
