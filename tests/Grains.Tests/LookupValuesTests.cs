using Upt.Grains.Profiles;

namespace Upt.Grains.Tests;

public sealed class LookupValuesTests
{
    [Theory]
    [InlineData("email", " John.Doe@Example.COM ", "john.doe@example.com")]
    [InlineData("email", "not-an-email", null)]
    [InlineData("phone", "+1 (555) 010-9999", "+15550109999")]
    [InlineData("phone", "555-0109", "5550109")]
    [InlineData("phone", "12", null)]
    [InlineData("last_name", "  O'Neil ", "o'neil")]
    [InlineData("loyalty", " L123 ", "L123")]
    public void Normalises_search_values(string kind, string input, string? expected) =>
        Assert.Equal(expected, LookupValues.Normalise(kind, input));
}
