using System.Text;
using System.Text.RegularExpressions;

namespace Upt.Integration.Tests.Backup;

/// <summary>One line of a backup file and where it is.</summary>
public sealed record BackupLineAt(string Folder, DateOnly Day, string Shard, string FirstSequenceNumber, string Text);

/// <summary>Reads a backup folder as a whole: every line of every <c>{folder}/YYYY/MM/DD/kinesis-{shard}-{sequence}.jsonl</c>.</summary>
public static partial class BackupFolderReader
{
    public static IReadOnlyList<BackupLineAt> Read(string root)
    {
        var lines = new List<BackupLineAt>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("_tmp/", StringComparison.Ordinal))
            {
                // A file being written; it is renamed into place when complete.
                continue;
            }

            var match = FilePattern().Match(relative);
            Assert.True(match.Success, $"unexpected file in the backup: {relative}");
            var day = new DateOnly(int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture));
            var text = File.ReadAllText(path, Encoding.UTF8);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            lines.AddRange(text[..^1].Split('\n').Select(l => new BackupLineAt(match.Groups["folder"].Value, day, match.Groups["shard"].Value, match.Groups["seq"].Value, l)));
        }

        return lines;
    }

    [GeneratedRegex(@"^(?<folder>[a-z0-9_]+)/(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/kinesis-(?<shard>shardId-\d+)-(?<seq>\d+)\.jsonl$")]
    private static partial Regex FilePattern();
}
