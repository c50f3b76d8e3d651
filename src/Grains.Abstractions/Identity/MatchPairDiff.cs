namespace Upt.Grains;

/// <summary>One profile field that differs between a match pair's two profiles (UPT's <c>profileDataDiff</c> entry).</summary>
[GenerateSerializer, Immutable, Alias("upt.match-pair-diff")]
public sealed record MatchPairDiff(
    [property: Id(0)] string FieldName,
    [property: Id(1)] string SourceValue,
    [property: Id(2)] string TargetValue);
