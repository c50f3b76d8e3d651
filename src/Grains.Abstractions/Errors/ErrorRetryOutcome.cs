namespace Upt.Grains;

/// <summary>What one retry of an error record did: <see cref="Attempt"/> is its number (1 = first); the record is gone when it succeeded.</summary>
[GenerateSerializer, Immutable, Alias("upt.error-retry-outcome")]
public sealed record ErrorRetryOutcome(
    [property: Id(0)] string ErrorId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] bool Succeeded,
    [property: Id(3)] string Message);
