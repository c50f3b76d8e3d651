namespace Upt.Grains;

/// <summary>One record as a source delivered it (a Kinesis record, a batch file line), before decoding.</summary>
[GenerateSerializer, Immutable, Alias("upt.raw-record")]
public sealed record RawRecord(
    [property: Id(0)] string SourceId,
    [property: Id(1)] byte[] Data,
    [property: Id(2)] DateTimeOffset ArrivedAt);
