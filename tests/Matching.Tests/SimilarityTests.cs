using Upt.Matching.Similarity;

namespace Upt.Matching.Tests;

public sealed class SimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "abc", 0.0)]
    public void Jaro_winkler_matches_the_published_examples(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Fact]
    public void Jaro_winkler_does_not_allocate_for_short_strings()
    {
        JaroWinkler.Similarity("warmup", "warmpu");
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            JaroWinkler.Similarity("hathaway", "hathqway");
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("ab", "ba", 2, 1)]
    [InlineData("6145184", "6146184", 1, 1)]
    [InlineData("abcdef", "uvwxyz", 2, 3)]
    [InlineData("", "abc", 5, 3)]
    public void Edit_distance_counts_typos_and_stops_at_the_bound(string a, string b, int max, int expected) =>
        Assert.Equal(expected, EditDistance.Bounded(a, b, max));

    [Theory]
    [InlineData("MACINTOSH", "MCANT")]
    [InlineData("KNIGHT", "NAGT")]
    [InlineData("PHILLIPS", "FALAP")]
    [InlineData("SCHMIDT", "SNAD")]
    [InlineData("johnson", "JANSAN")]
    [InlineData("", "")]
    public void Nysiis_codes(string name, string expected) => Assert.Equal(expected, Nysiis.Encode(name));

    [Fact]
    public void Nysiis_groups_spelling_variants()
    {
        Assert.Equal(Nysiis.Encode("brown"), Nysiis.Encode("braun"));
        Assert.Equal(Nysiis.Encode("catherine"), Nysiis.Encode("katherine"));
        Assert.True(Nysiis.Encode("hathaway").Length <= Nysiis.MaxLength);
    }

    [Theory]
    [InlineData("19080712", "19080712", Agreement.Exact)]
    [InlineData("19080712", "19081207", Agreement.High)] // day and month swapped
    [InlineData("19080712", "19080713", Agreement.High)] // one digit
    [InlineData("19080712", "19087012", Agreement.High)] // adjacent digits swapped (month 70: still compared)
    [InlineData("19080712", "19081130", Agreement.Partial)] // same year only
    [InlineData("19080712", "19550101", Agreement.Disagree)]
    [InlineData("19080712", "", Agreement.Missing)]
    public void Dates_tolerate_typing_errors(string a, string b, Agreement expected) =>
        Assert.Equal(expected, DateSimilarity.Compare(Normalisation.DateNormaliser.Parse(a), Normalisation.DateNormaliser.Parse(b)));

    [Fact]
    public void Token_similarity_ignores_order_and_split_words()
    {
        Assert.Equal(1.0, TokenSimilarity.Similarity(["max", "henry", "crescent"], ["crescent", "max", "henry"]));
        Assert.True(TokenSimilarity.Similarity(["flemington", "markets"], ["flemingtonmarkets"]) >= 0.95);
        Assert.True(TokenSimilarity.Similarity(["giblin", "street"], ["tullaroop", "circuit"]) < 0.45);
        Assert.Equal(0.0, TokenSimilarity.Similarity([], ["a"]));
    }
}
