using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>One entry of a match pair's <c>profileDataDiff</c>: a profile field and its value on each side.</summary>
public sealed record MatchDiffView(
    [property: JsonPropertyName("fieldName")] string FieldName,
    [property: JsonPropertyName("sourceValue")] string SourceValue,
    [property: JsonPropertyName("targetValue")] string TargetValue);
