namespace Upt.Grains.Domains;

/// <summary>A domain's persisted state (Orleans ADO.NET grain storage). The CLR name is part of the stored format.</summary>
[GenerateSerializer, Alias("upt.domain-state")]
public sealed class DomainState
{
    [Id(0)] public bool Exists { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    [Id(2)] public DomainSettings Settings { get; set; } = new();
}
