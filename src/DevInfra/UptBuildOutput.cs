namespace Upt.DevInfra;

/// <summary>Finds the built assemblies of the Upt programs under the repository's <c>bin</c> folders.</summary>
public static class UptBuildOutput
{
    /// <summary>The target framework folder of the build output.</summary>
    public const string TargetFramework = "net10.0";

    /// <summary>
    /// The path of <c>Upt.Silo.dll</c> or <c>Upt.Api.dll</c> in the <paramref name="configuration"/> build output.
    /// Throws <see cref="FileNotFoundException"/> saying how to build it, because callers (tests, the bench) must not
    /// build behind the user's back: `./upt test` and `./upt run` build Release first.
    /// </summary>
    public static string AssemblyPath(UptApp app, string configuration = "Release")
    {
        var project = app.ToString();
        var path = Path.Combine(RepositoryPaths.Root, "src", project, "bin", configuration, TargetFramework, $"Upt.{project}.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The {configuration} build of Upt.{project} is missing ({path}). Build it first: `dotnet build Upt.sln -c {configuration}` (./upt run and ./upt test do this).",
                path);
        }

        return path;
    }
}
