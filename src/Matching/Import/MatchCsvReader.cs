using System.Globalization;

namespace Upt.Matching.Import;

/// <summary>
/// Reads third-party match files (upt-core §3.11) into groups of profile ids with a score: a Customer Profiles
/// matching export (header <c>MatchingGroupId,ConfidenceScore,ProfileId,…</c>, columns found by name) or rows
/// <c>profileId,groupId,score</c> (no header, or that header). Every row left out is reported with its line:
/// malformed CSV, a wrong column count, an empty id, a score that is not a number in [0, 1], a profile repeated in
/// its group. A group whose rows disagree on the score keeps the lowest, and the disagreeing rows are reported too.
/// Groups of a single profile make no pair and are reported and left out.
/// </summary>
public static class MatchCsvReader
{
    private const string ExportGroup = "MatchingGroupId";
    private const string ExportScore = "ConfidenceScore";
    private const string ExportProfile = "ProfileId";

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static MatchCsvResult ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads a match file from <paramref name="reader"/>.</summary>
    public static MatchCsvResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var issues = new List<MatchCsvIssue>();
        var groups = new List<GroupBuilder>();
        var byId = new Dictionary<string, GroupBuilder>(StringComparer.Ordinal);
        Layout? layout = null;
        var rows = 0;
        foreach (var record in CsvRecords.Read(reader))
        {
            if (layout is null)
            {
                layout = Layout.Detect(record, out var isHeader);
                if (isHeader)
                {
                    if (layout.Error is { } headerError)
                    {
                        issues.Add(new MatchCsvIssue(record.Line, headerError));
                    }

                    continue;
                }
            }

            rows++;
            var (groupId, profileId, score, error) = ParseRow(record, layout);
            if (error is not null)
            {
                issues.Add(new MatchCsvIssue(record.Line, error));
                continue;
            }

            if (!byId.TryGetValue(groupId, out var group))
            {
                group = new GroupBuilder(groupId, score, record.Line);
                byId.Add(groupId, group);
                groups.Add(group);
            }

            if (group.ProfileIds.Contains(profileId, StringComparer.Ordinal))
            {
                issues.Add(new MatchCsvIssue(record.Line, $"profile {profileId} is already in group {groupId}; row left out"));
                continue;
            }

            if (score != group.FirstScore)
            {
                issues.Add(new MatchCsvIssue(record.Line, string.Create(CultureInfo.InvariantCulture,
                    $"score {score} differs from {group.FirstScore} on line {group.Line} for group {groupId}; the group gets the lowest")));
            }

            group.ProfileIds.Add(profileId);
            group.Score = Math.Min(group.Score, score);
        }

        var result = new List<MatchGroup>(groups.Count);
        foreach (var group in groups)
        {
            if (group.ProfileIds.Count < 2)
            {
                issues.Add(new MatchCsvIssue(group.Line, $"group {group.Id} has a single profile, so no pair; left out"));
                continue;
            }

            result.Add(new MatchGroup(group.Id, group.ProfileIds, group.Score, group.Line));
        }

        issues.Sort((x, y) => x.Line.CompareTo(y.Line));
        return new MatchCsvResult(layout?.Format ?? MatchCsvFormat.ProfileGroupScore, rows, result, issues);
    }

    private static (string GroupId, string ProfileId, double Score, string? Error) ParseRow(CsvRecord record, Layout layout)
    {
        if (record.Error is { } malformed)
        {
            return ("", "", 0, $"malformed CSV: {malformed}; row left out");
        }

        if (layout.Error is not null)
        {
            return ("", "", 0, "the header lacks a needed column; row left out");
        }

        if (record.Fields.Count != layout.Columns)
        {
            return ("", "", 0, $"{record.Fields.Count} columns, expected {layout.Columns}; row left out");
        }

        var groupId = record.Fields[layout.GroupColumn];
        var profileId = record.Fields[layout.ProfileColumn];
        var scoreText = record.Fields[layout.ScoreColumn];
        if (profileId.Length == 0)
        {
            return ("", "", 0, "empty profile id; row left out");
        }

        if (groupId.Length == 0)
        {
            return ("", "", 0, $"empty group id for profile {profileId}; row left out");
        }

        if (!double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score) || score is < 0 or > 1)
        {
            return ("", "", 0, $"score '{scoreText}' of profile {profileId} is not a number between 0 and 1; row left out");
        }

        return (groupId, profileId, score, null);
    }

    private sealed class GroupBuilder(string id, double firstScore, int line)
    {
        public string Id { get; } = id;

        public double FirstScore { get; } = firstScore;

        public int Line { get; } = line;

        public double Score { get; set; } = firstScore;

        public List<string> ProfileIds { get; } = [];
    }

    /// <summary>Where the three needed columns are, and how many columns a row has.</summary>
    private sealed record Layout(MatchCsvFormat Format, int Columns, int GroupColumn, int ScoreColumn, int ProfileColumn, string? Error)
    {
        private static readonly Layout Headerless = new(MatchCsvFormat.ProfileGroupScore, 3, 1, 2, 0, null);

        public static Layout Detect(CsvRecord first, out bool isHeader)
        {
            var fields = first.Fields;
            if (fields.Count > 0 && fields[0].Equals(ExportGroup, StringComparison.OrdinalIgnoreCase))
            {
                isHeader = true;
                var (group, score, profile) = (IndexOf(fields, ExportGroup), IndexOf(fields, ExportScore), IndexOf(fields, ExportProfile));
                return new Layout(MatchCsvFormat.ProfilesExport, fields.Count, group, score, profile,
                    score < 0 || profile < 0 ? $"the header has no {(score < 0 ? ExportScore : ExportProfile)} column; no row can be read" : null);
            }

            isHeader = fields.Count == 3
                && fields[0].Equals("profileId", StringComparison.OrdinalIgnoreCase)
                && fields[1].Equals("groupId", StringComparison.OrdinalIgnoreCase)
                && fields[2].Equals("score", StringComparison.OrdinalIgnoreCase);
            return Headerless;
        }

        private static int IndexOf(IReadOnlyList<string> fields, string name)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
