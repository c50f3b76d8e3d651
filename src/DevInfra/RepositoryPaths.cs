namespace Upt.DevInfra;

/// <summary>Locates the repository root (the folder holding <c>Upt.sln</c>) and the shared data beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root, found by walking up from the current directory and the app base directory.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>shared</c> folder that sits beside the repository (<c>../shared</c>), or <c>UPT_SHARED</c>.</summary>
    public static string Shared => Environment.GetEnvironmentVariable("UPT_SHARED") is { Length: > 0 } s
        ? s
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The node tooling folder (kinesalite and the AWS JS client).</summary>
    public static string NodeTools => Path.Combine(Root, "tools", "node");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("UPT_ROOT") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Upt.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the Upt repository root (Upt.sln); set UPT_ROOT.");
    }
}
