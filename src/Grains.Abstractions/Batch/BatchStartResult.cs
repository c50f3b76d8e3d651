namespace Upt.Grains;

/// <summary>The answer to <see cref="IBatchJobGrain.StartAsync"/>.</summary>
/// <param name="Outcome">Whether a run started, and if not, why.</param>
/// <param name="Message">What is wrong (Invalid, DomainNotFound) or what runs (AlreadyRunning); empty when started.</param>
/// <param name="Status">The started or running run; null when none.</param>
[GenerateSerializer, Immutable, Alias("upt.batch-start-result")]
public sealed record BatchStartResult(
    [property: Id(0)] BatchStartOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] BatchJobStatus? Status);
