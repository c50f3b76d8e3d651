namespace Upt.Grains.Portal;

/// <summary>A domain's persisted portal configuration (Orleans ADO.NET grain storage). The CLR name is part of the stored format.</summary>
[GenerateSerializer, Alias("upt.portal-config-state")]
public sealed class PortalConfigState
{
    [Id(0)] public List<HyperlinkMapping> Mappings { get; set; } = [];
}
