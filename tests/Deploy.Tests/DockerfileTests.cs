using System.Text.RegularExpressions;

namespace Upt.Deploy.Tests;

/// <summary>The Dockerfiles (no Docker engine here: they are read, not built).</summary>
public sealed partial class DockerfileTests
{
    public static readonly TheoryData<string> Apps = new("Silo", "Api");

    [Theory, MemberData(nameof(Apps))]
    public void Dockerfile_builds_on_the_sdk_and_runs_on_aspnet_as_non_root(string app)
    {
        var lines = Instructions(Repo.Read($"src/{app}/Dockerfile"));
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(froms.Count >= 2, "multi-stage: a build stage and a runtime stage");
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0\S* AS build$", froms[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\S*( AS \w+)?$", froms[^1]);

        var runtime = lines.Skip(lines.LastIndexOf(froms[^1])).ToList();
        var user = runtime.LastOrDefault(l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(user);
        var who = user["USER ".Length..].Trim();
        Assert.DoesNotMatch("^(root|0)(:.*)?$", who);
        // $APP_UID is the aspnet images' non-root "app" user, 1654, the pods' runAsUser.
        Assert.Contains(who, new[] { "$APP_UID", "${APP_UID}", "1654", "app" });

        Assert.Contains(runtime, l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"Upt.{app}.dll\"]", runtime);
        Assert.Contains(lines, l => l.Contains($"dotnet publish src/{app}/{app}.csproj", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Apps))]
    public void Dockerfile_copies_only_what_exists_from_the_repository_root(string app)
    {
        var lines = Instructions(Repo.Read($"src/{app}/Dockerfile"));
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.StartsWith("COPY --from", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            foreach (var source in parts)
            {
                Assert.True(File.Exists(Path.Combine(Repo.Root, source)) || Directory.Exists(Path.Combine(Repo.Root, source)),
                    $"src/{app}/Dockerfile copies {source}, which is not in the repository root (the build context)");
            }
        }

        Assert.Contains(lines, l => l.StartsWith("COPY src/ src/", StringComparison.Ordinal));
        Assert.Contains($"docker build -f src/{app}/Dockerfile", Repo.Read("k8s/README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerignore_keeps_build_output_and_state_out_of_the_context()
    {
        var entries = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("**/bin", entries);
        Assert.Contains("**/obj", entries);
        Assert.Contains(".git", entries);
        Assert.DoesNotContain("src", entries);
        Assert.DoesNotContain("Directory.Packages.props", entries);
    }

    /// <summary>Instructions with continuation lines joined and comments dropped.</summary>
    private static List<string> Instructions(string dockerfile)
    {
        var joined = ContinuationPattern().Replace(dockerfile, " ");
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => WhitespacePattern().Replace(l, " "))
            .ToList();
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
