namespace Upt.Rules.Tests;

/// <summary>Flags apply in UPT's order: trim, lowercase, non-alphanumerics, non-digits, spaces, leading zeros.</summary>
public sealed class NormalisationTests
{
    [Fact]
    public void Trim_comes_before_stripping_leading_zeros()
    {
        Assert.Equal("7", IndexNormalizer.Apply("  007", new IndexNormalization { Trim = true, RemoveLeadingZeros = true }));
    }

    [Fact]
    public void Removing_non_digits_comes_before_stripping_leading_zeros()
    {
        Assert.Equal("4420", IndexNormalizer.Apply("+0044 20", new IndexNormalization { RemoveNonNumeric = true, RemoveLeadingZeros = true }));
    }

    [Fact]
    public void Lowercase_and_non_alphanumerics()
    {
        Assert.Equal("obrienjosé", IndexNormalizer.Apply(" O'Brien-José ", new IndexNormalization { Lowercase = true, RemoveNonAlphaNumeric = true }));
        Assert.Equal("o'brien-josé", IndexNormalizer.Apply(" O'Brien-José ", IndexNormalization.Default));
    }

    [Fact]
    public void Remove_spaces_removes_inner_spaces_only_when_asked()
    {
        Assert.Equal("sw1a1aa", IndexNormalizer.Apply(" SW1A 1AA ", new IndexNormalization { Lowercase = true, Trim = true, RemoveSpaces = true }));
        Assert.Equal("sw1a 1aa", IndexNormalizer.Apply(" SW1A 1AA ", IndexNormalization.Default));
    }

    [Fact]
    public void All_off_keeps_the_value_as_it_is()
    {
        Assert.Equal(" John ", IndexNormalizer.Apply(" John ", IndexNormalization.None));
    }

    [Fact]
    public void A_condition_without_normalisation_uses_lowercase_and_trim()
    {
        var keys = R.Index([R.Rule(0, R.Match("_profile", "LastName"))], R.Profile(("LastName", "  DOE ")));
        var raw = R.Index([R.Rule(0, R.Match("_profile", "LastName", normalization: IndexNormalization.None))], R.Profile(("LastName", "  DOE ")));

        Assert.Equal([new RuleIndexKey(0, "doe", "doe")], keys);
        Assert.Equal([new RuleIndexKey(0, "  DOE ", "  DOE ")], raw);
    }

    [Fact]
    public void A_value_normalised_to_nothing_counts_as_blank()
    {
        var rule = R.Rule(0, R.Match("_profile", "PhoneNumber", normalization: new IndexNormalization { RemoveNonNumeric = true }));

        Assert.Empty(R.Index([rule], R.Profile(("PhoneNumber", "ask at desk"))));
    }
}
