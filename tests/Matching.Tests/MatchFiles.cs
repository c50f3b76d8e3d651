namespace Upt.Matching.Tests;

/// <summary>The third-party match files of <c>shared/upt/matching</c> (beside the repository, or under <c>UPT_SHARED</c>).</summary>
internal static class MatchFiles
{
    public const string Export = "CustomerProfilesPendingMatches-fakeDomain2-part-0.csv";
    public const string Headerless = "CustomerProfilesPendingMatches-fakedomain.csv";

    public static string Folder { get; } = Path.Combine(Shared(), "upt", "matching");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    private static string Shared()
    {
        if (Environment.GetEnvironmentVariable("UPT_SHARED") is { Length: > 0 } shared)
        {
            return shared;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Upt.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared");
            }
        }

        return "/work/shared";
    }
}
