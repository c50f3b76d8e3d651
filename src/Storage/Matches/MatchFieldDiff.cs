namespace Upt.Storage;

/// <summary>One profile field that differs between the two profiles of a match pair.</summary>
/// <param name="FieldName">The profile field, e.g. <c>FirstName</c>.</param>
/// <param name="SourceValue">Its value on the pair's first profile (<see cref="MatchPair.ProfileA"/>).</param>
/// <param name="TargetValue">Its value on the pair's second profile (<see cref="MatchPair.ProfileB"/>).</param>
public sealed record MatchFieldDiff(string FieldName, string SourceValue, string TargetValue);
