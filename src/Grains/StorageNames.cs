namespace Upt.Grains;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Orleans grain state of domain-level grains (ADO.NET on PostgreSQL in a silo).</summary>
    public const string Upt = "upt";

    /// <summary>Subscription store of the change streams.</summary>
    public const string PubSub = "PubSubStore";
}
