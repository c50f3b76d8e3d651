namespace Upt.Grains;

/// <summary>
/// What one profile asks of one rule-index value: register under column 1 and/or 2, and optionally find the
/// profiles registered under a column (<see cref="ProbeColumn"/>: flags, 1 = column 1, 2 = column 2), within a time window when the rule has one.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.rule-link")]
public sealed record RuleLink(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] bool AsValue1,
    [property: Id(2)] bool AsValue2,
    [property: Id(3)] int? ProbeColumn,
    [property: Id(4)] DateTimeOffset? Timestamp,
    [property: Id(5)] TimeSpan? Window,
    [property: Id(6)] int MaxProfiles);
