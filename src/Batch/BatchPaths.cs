using System.Globalization;

namespace Upt.Batch;

/// <summary>The batch layout: <c>{domain}/{YYYY}/{MM}/{DD}/{name}.jsonl</c>, one folder per day.</summary>
public static class BatchPaths
{
    /// <summary>The file extension of batch files (lower case, as written by UPT's exports and raw backups).</summary>
    public const string Extension = ".jsonl";

    /// <summary>
    /// The top folder of raw-backup records that name no valid domain (not JSON, no <c>domain</c>): laid out by day like a
    /// domain, but never read by a batch job, since no domain can be named so (domain names start with a letter or digit).
    /// </summary>
    public const string UnparsedFolder = "_unparsed";

    /// <summary>The path of file <paramref name="name"/> of <paramref name="date"/> under <paramref name="folder"/> (a domain or <see cref="UnparsedFolder"/>).</summary>
    public static string FilePath(string folder, DateOnly date, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{folder}/{date:yyyy}/{date:MM}/{date:dd}/{name}");

    /// <summary>
    /// True when <paramref name="relativePath"/> ('/'-separated, relative to the source) is a batch file of
    /// <paramref name="domain"/>; <paramref name="date"/> is then the day its folders name.
    /// </summary>
    public static bool TryParse(string relativePath, string domain, out DateOnly date)
    {
        date = default;
        var parts = relativePath.Split('/');
        return parts.Length == 5
               && parts[0] == domain
               && IsDigits(parts[1], 4) && IsDigits(parts[2], 2) && IsDigits(parts[3], 2)
               && DateOnly.TryParseExact($"{parts[1]}-{parts[2]}-{parts[3]}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
               && parts[4].Length > Extension.Length
               && parts[4].EndsWith(Extension, StringComparison.Ordinal);
    }

    /// <summary>Sorts files into ingestion order: by day, then by path (ordinal), so that later days are applied later.</summary>
    public static List<BatchFile> InOrder(IEnumerable<BatchFile> files) =>
        files.OrderBy(f => f.Date).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();

    /// <summary>Splits listed paths into batch files and ignored paths.</summary>
    public static BatchListing Listing(string domain, IEnumerable<(string Path, long Size, string Version)> entries)
    {
        var files = new List<BatchFile>();
        var ignored = new List<string>();
        foreach (var (path, size, version) in entries)
        {
            if (TryParse(path, domain, out var date))
            {
                files.Add(new BatchFile(path, date, size, version));
            }
            else
            {
                ignored.Add(path);
            }
        }

        ignored.Sort(StringComparer.Ordinal);
        return new BatchListing(InOrder(files), ignored);
    }

    private static bool IsDigits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);
}
