namespace Upt.Batch.Backup;

/// <summary>
/// Splits consumed records into backup files in the batch layout: one file per (domain, UTC day of arrival), named after
/// the stream position of its first record, so that a batch delivered again is written again under the same names with
/// the same content.
/// </summary>
public static class BackupFiles
{
    /// <summary>
    /// The files of one delivery of <paramref name="records"/> (in stream order), named
    /// <c>{namePrefix}-{first sequence number}.jsonl</c>, in the order of their first records.
    /// </summary>
    public static IReadOnlyList<BackupFile> Of(string namePrefix, IReadOnlyList<BackupRecord> records)
    {
        ArgumentException.ThrowIfNullOrEmpty(namePrefix);
        ArgumentNullException.ThrowIfNull(records);
        var groups = new List<Group>();
        var index = new Dictionary<(string Folder, DateOnly Day), Group>();
        foreach (var record in records)
        {
            var line = BackupLine.Of(record);
            var key = (line.Domain ?? BatchPaths.UnparsedFolder, DateOnly.FromDateTime(record.ArrivedAt.UtcDateTime));
            if (!index.TryGetValue(key, out var group))
            {
                group = new Group(key.Item1, key.Item2, record.SequenceNumber);
                index[key] = group;
                groups.Add(group);
            }

            group.Content.Write(line.Bytes);
            group.Content.WriteByte((byte)'\n');
            group.Records++;
        }

        return groups.Select(g => new BackupFile(
            BatchPaths.FilePath(g.Folder, g.Day, $"{SafeName(namePrefix)}-{SafeName(g.FirstSequenceNumber)}{BatchPaths.Extension}"),
            g.Content.ToArray(),
            g.Records)).ToList();
    }

    /// <summary>Shard ids and sequence numbers are plain ASCII already; anything else must not make a path of its own.</summary>
    private static string SafeName(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_';
            }
        });

    private sealed class Group(string folder, DateOnly day, string firstSequenceNumber)
    {
        public string Folder { get; } = folder;

        public DateOnly Day { get; } = day;

        public string FirstSequenceNumber { get; } = firstSequenceNumber;

        public MemoryStream Content { get; } = new();

        public int Records { get; set; }
    }
}
