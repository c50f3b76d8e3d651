namespace Upt.Grains.Domains;

/// <summary>The persisted list of domain names.</summary>
[GenerateSerializer, Alias("upt.domain-directory-state")]
public sealed class DomainDirectoryState
{
    [Id(0)] public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
