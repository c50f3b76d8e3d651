namespace Upt.Grains.Jobs;

/// <summary>The persisted record of one async event (Orleans ADO.NET grain storage). The CLR name is part of the stored format.</summary>
[GenerateSerializer, Alias("upt.async-event-state")]
public sealed class AsyncEventState
{
    [Id(0)] public string UseCase { get; set; } = "";

    [Id(1)] public string Domain { get; set; } = "";

    /// <summary>One of <see cref="AsyncEventStatus"/>; empty while no event has this id.</summary>
    [Id(2)] public string Status { get; set; } = "";

    [Id(3)] public double Progress { get; set; }

    [Id(4)] public DateTimeOffset LastUpdated { get; set; }

    [Id(5)] public string? Error { get; set; }

    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The silo running the job while it is invoked or running (for operators reading the stored row).</summary>
    [Id(7)] public string? Silo { get; set; }

    /// <summary>For a <see cref="AsyncUseCases.StartBatchIdRes"/> event: the rule-set version whose re-resolution it follows.</summary>
    [Id(8)] public int? ResolutionVersion { get; set; }
}
