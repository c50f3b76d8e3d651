namespace Upt.Grains.DataPermissions;

/// <summary>A domain's persisted grants (Orleans ADO.NET grain storage). The CLR name is part of the stored format.</summary>
[GenerateSerializer, Alias("upt.data-permission-state")]
public sealed class DataPermissionState
{
    /// <summary>False until the grants were first written: the domain then has the default grant only.</summary>
    [Id(0)] public bool Configured { get; set; }

    /// <summary>Permission string per group name.</summary>
    [Id(1)] public SortedDictionary<string, string> Grants { get; set; } = new(StringComparer.Ordinal);
}
