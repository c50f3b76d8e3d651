using Upt.Matching.Import;

namespace Upt.Matching.Tests;

/// <summary>Third-party match files: both layouts of shared/upt/matching, and every bad row reported by line.</summary>
public sealed class MatchCsvReaderTests
{
    [Fact]
    public void A_profiles_export_gives_its_groups_and_reports_the_rows_that_disagree_on_the_score()
    {
        Assert.SkipUnless(File.Exists(MatchFiles.PathOf(MatchFiles.Export)), $"match files not found under {MatchFiles.Folder}");
        var result = MatchCsvReader.ReadFile(MatchFiles.PathOf(MatchFiles.Export));

        Assert.Equal((MatchCsvFormat.ProfilesExport, 12), (result.Format, result.Rows));
        Assert.Equal(
            [("0", 5, 0.7904272410936669, 2), ("1", 2, 0.8904272410936669, 7), ("3", 3, 0.8904272410936669, 9), ("4", 2, 0.5721050512724167, 12)],
            result.Groups.Select(g => (g.GroupId, g.ProfileIds.Count, g.Score, g.Line)));
        Assert.Equal(["b42bfb0b469f4740858ff705dc40055f", "da4cbbd42b764942a9b399c138d0cb4e", "f84fdcb348c545a09eb04d88abb8173a",
            "eff36408d0df43ff93d60f6b46807445", "3b1a3db7827e495e964365e7e29da0c9"], result.Groups[0].ProfileIds);
        Assert.Equal(15, result.Groups.Sum(g => g.Pairs().Count()));
        Assert.Equal([10, 11], result.Issues.Select(i => i.Line));
        Assert.Equal("line 10: score 0.9904272410936669 differs from 0.8904272410936669 on line 9 for group 3; the group gets the lowest", result.Issues[0].ToString());
    }

    [Fact]
    public void A_headerless_file_gives_its_groups_without_issues()
    {
        Assert.SkipUnless(File.Exists(MatchFiles.PathOf(MatchFiles.Headerless)), $"match files not found under {MatchFiles.Folder}");
        var result = MatchCsvReader.ReadFile(MatchFiles.PathOf(MatchFiles.Headerless));

        Assert.Equal((MatchCsvFormat.ProfileGroupScore, 8), (result.Format, result.Rows));
        Assert.Equal([("25", 6, 0.9016945550682707, 1), ("26", 2, 0.9961702723327049, 7)], result.Groups.Select(g => (g.GroupId, g.ProfileIds.Count, g.Score, g.Line)));
        Assert.Equal(["7483b3628ee54d6fb47df190c9a72a5c", "50d9d4c21aa445ea8690b39da363aab6"], result.Groups[1].ProfileIds);
        Assert.Equal(16, result.Groups.Sum(g => g.Pairs().Count()));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_lines_and_the_good_ones_kept()
    {
        const string csv = """
            profileId,groupId,score
            p1,g1,0.5
            p2,g1,0.5
            ,g1,0.5
            p3,,0.5
            p4,g1,high
            p5,g1,1.5
            p6,g1

            p1,g1,0.5
            p7,g2,0.9
            "p8,g3,0.9
            p9,g3,0.9
            """;
        var result = MatchCsvReader.Read(new StringReader(csv));

        Assert.Equal((MatchCsvFormat.ProfileGroupScore, 10), (result.Format, result.Rows));
        var group = Assert.Single(result.Groups);
        Assert.Equal(("g1", 0.5), (group.GroupId, group.Score));
        Assert.Equal(["p1", "p2"], group.ProfileIds);
        Assert.Equal(
        [
            "line 4: empty profile id; row left out",
            "line 5: empty group id for profile p3; row left out",
            "line 6: score 'high' of profile p4 is not a number between 0 and 1; row left out",
            "line 7: score '1.5' of profile p5 is not a number between 0 and 1; row left out",
            "line 8: 2 columns, expected 3; row left out",
            "line 10: profile p1 is already in group g1; row left out",
            "line 11: group g2 has a single profile, so no pair; left out",
            "line 12: malformed CSV: a quoted field is not closed before the end of the file; row left out",
        ], result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void Export_columns_are_found_by_name_and_quoted_fields_may_hold_commas_quotes_and_lines()
    {
        const string csv = """"
            MatchingGroupId,ProfileId,ConfidenceScore,FirstName,Attributes
            7,a1,0.8,Ann,"{x=1, y=2}"
            7,a2,0.8,"Ann ""Jr""","line one
            line two"
            7,a3,0.8,Ann
            "7"x,a4,0.8,Ann,
            8,b1,0.75,Bo,
            8,b2,0.75,Bo,
            """";
        var result = MatchCsvReader.Read(new StringReader(csv));

        Assert.Equal((MatchCsvFormat.ProfilesExport, 6), (result.Format, result.Rows));
        Assert.Equal([("7", "a1|a2", 0.8, 2), ("8", "b1|b2", 0.75, 7)], result.Groups.Select(g => (g.GroupId, string.Join('|', g.ProfileIds), g.Score, g.Line)));
        Assert.Equal(
        [
            "line 5: 4 columns, expected 5; row left out",
            "line 6: malformed CSV: text after the closing quote of column 1; row left out",
        ], result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void An_export_header_without_profile_ids_reads_no_row_and_says_so()
    {
        var result = MatchCsvReader.Read(new StringReader("MatchingGroupId,ConfidenceScore,Name\n1,0.5,x\n1,0.5,y\n"));

        Assert.Equal((MatchCsvFormat.ProfilesExport, 2), (result.Format, result.Rows));
        Assert.Empty(result.Groups);
        Assert.Equal(
        [
            "line 1: the header has no ProfileId column; no row can be read",
            "line 2: the header lacks a needed column; row left out",
            "line 3: the header lacks a needed column; row left out",
        ], result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void A_group_gives_each_pair_once()
    {
        var group = new MatchGroup("g", ["a", "b", "c"], 0.9, 1);
        Assert.Equal([("a", "b"), ("a", "c"), ("b", "c")], group.Pairs());
    }
}
