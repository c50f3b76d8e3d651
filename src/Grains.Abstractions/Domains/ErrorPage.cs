namespace Upt.Grains;

/// <summary>One page of a domain's error records, newest first.</summary>
[GenerateSerializer, Immutable, Alias("upt.error-page")]
public sealed record ErrorPage(
    [property: Id(0)] IReadOnlyList<ErrorRecordView> Items,
    [property: Id(1)] long Total);
