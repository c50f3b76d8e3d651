namespace Upt.Grains;

/// <summary>
/// UPT's portal hyperlink template: the portal shows <see cref="FieldName"/> of <see cref="AccpObject"/> records as a
/// link built from <see cref="HyperlinkTemplate"/>, whose <c>{{field}}</c> placeholders name fields of the same record.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.hyperlink-mapping")]
public sealed record HyperlinkMapping(
    [property: Id(0)] string AccpObject,
    [property: Id(1)] string FieldName,
    [property: Id(2)] string HyperlinkTemplate);
