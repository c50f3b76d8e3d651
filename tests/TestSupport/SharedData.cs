using Upt.DevInfra;

namespace Upt.TestSupport;

/// <summary>Paths into <c>../shared</c> (UPT fixtures and FEBRL sets).</summary>
public static class SharedData
{
    /// <summary>The UPT data folder (<c>shared/upt</c>).</summary>
    public static string Upt => Path.Combine(RepositoryPaths.Shared, "upt");

    /// <summary>A path under <c>shared/upt</c>.</summary>
    public static string UptFile(params string[] parts) => Path.Combine([Upt, .. parts]);
}
