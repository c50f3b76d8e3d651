using Upt.Matching.Normalisation;

namespace Upt.Matching.Tests;

public sealed class NormaliserTests
{
    [Theory]
    [InlineData("  José-María ", "josemaria")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Müller", "muller")]
    [InlineData("Straße", "strasse")]
    [InlineData("jac ob", "jacob")]
    [InlineData(null, "")]
    public void Names_fold_case_accents_and_punctuation(string? input, string expected) => Assert.Equal(expected, NameNormaliser.Normalise(input));

    [Theory]
    [InlineData(" John.Smith+trips@GoogleMail.com ", "johnsmith@gmail.com")]
    [InlineData("john.smith+x@hotmail.com", "john.smith@hotmail.com")]
    [InlineData("john.smith+x@company.com", "john.smith+x@company.com")]
    [InlineData("not-an-email", "")]
    [InlineData("a@b@c", "")]
    public void Emails_apply_only_documented_provider_rules(string input, string expected) => Assert.Equal(expected, EmailNormaliser.Normalise(input));

    [Theory]
    [InlineData("+61 (2) 9876-5432", "298765432")]
    [InlineData("02 9876 5432", "298765432")]
    [InlineData("0061298765432", "298765432")]
    [InlineData("12345", "")]
    public void Phones_keep_significant_digits(string input, string expected) => Assert.Equal(expected, PhoneNormaliser.Normalise(input));

    [Theory]
    [InlineData("19080712", 1908, 7, 12)]
    [InlineData("1908-07-12", 1908, 7, 12)]
    [InlineData("1908-07-12T00:00:00Z", 1908, 7, 12)]
    [InlineData("12/07/1908", 1908, 7, 12)]
    [InlineData("07/25/1908", 1908, 7, 25)]
    [InlineData("12.07.1908", 1908, 7, 12)]
    [InlineData("sometime", 0, 0, 0)]
    public void Dates_read_common_formats(string input, int year, int month, int day)
    {
        var d = DateNormaliser.Parse(input);
        Assert.Equal((year, month, day), (d.Year, d.Month, d.Day));
        Assert.Equal(input, d.Raw);
    }

    [Fact]
    public void Addresses_split_the_street_number_and_expand_abbreviations()
    {
        var tokens = AddressNormaliser.Tokens("38 Maltby St", "Unit 4", out var number);
        Assert.Equal("38", number);
        Assert.Equal(["maltby", "street", "unit", "4"], tokens);
    }
}
