namespace Upt.Feed.Febrl;

/// <summary>Reads FEBRL CSV files: a header row, then comma-separated rows whose values carry a leading space and may be empty.</summary>
public static class FebrlReader
{
    private const int Columns = 11;

    /// <summary>Reads all rows of the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<FebrlRecord> ReadFile(string path) => Read(File.ReadLines(path));

    /// <summary>Reads rows from <paramref name="lines"/> (the first is the header and is skipped; blank lines are ignored).</summary>
    /// <exception cref="FormatException">A row does not have the 11 FEBRL columns.</exception>
    public static IReadOnlyList<FebrlRecord> Read(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var records = new List<FebrlRecord>();
        var first = true;
        foreach (var line in lines)
        {
            if (first)
            {
                first = false;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // FEBRL values never contain commas or quotes, so a plain split is exact.
            var v = line.Split(',').Select(s => s.Trim()).ToArray();
            if (v.Length != Columns)
            {
                throw new FormatException($"FEBRL row has {v.Length} columns, expected {Columns}: {line}");
            }

            records.Add(new FebrlRecord(v[0], ClusterOf(v[0]), v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]));
        }

        return records;
    }

    /// <summary>The entity number of a rec_id: <c>rec-12-dup-0</c> → <c>12</c>.</summary>
    public static string ClusterOf(string recId)
    {
        ArgumentNullException.ThrowIfNull(recId);
        var parts = recId.Split('-');
        return parts.Length >= 2 ? parts[1] : recId;
    }
}
