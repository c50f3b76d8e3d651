namespace Upt.Storage.Tests;

/// <summary>Text for error records: NUL characters and lone surrogates found and replaced; raw records kept exactly.</summary>
public sealed class StorableTextTests
{
    [Theory]
    [InlineData("plain", false)]
    [InlineData("emoji \U0001F600 ok", false)]
    [InlineData("nul\0here", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Finds_NUL_characters_and_lone_surrogates(string? value, bool unstorable) =>
        Assert.Equal(unstorable, StorableText.HasUnstorable(value));

    // Lone surrogates cannot travel in attribute arguments (the metadata is UTF-8), so these are built here.
    [Fact]
    public void Finds_lone_surrogates()
    {
        Assert.True(StorableText.HasUnstorable("lone " + (char)0xD800 + " high"));
        Assert.True(StorableText.HasUnstorable("lone " + (char)0xDC00 + " low"));
        Assert.True(StorableText.HasUnstorable("ends high " + (char)0xD83D));
    }

    [Fact]
    public void Clean_replaces_each_bad_character_with_the_replacement_character_and_keeps_pairs()
    {
        Assert.Equal("a\uFFFDb\uFFFDc\U0001F600\uFFFD", StorableText.Clean("a\0b\uDC00c\U0001F600\uD83D"));
        var plain = "nothing to do";
        Assert.Same(plain, StorableText.Clean(plain));
        Assert.Null(StorableText.Clean(null));
    }

    [Fact]
    public void A_raw_record_with_a_NUL_is_kept_as_base64_of_its_bytes_and_others_as_they_are()
    {
        Assert.Equal("base64:" + Convert.ToBase64String("{\"a\":\"\0\"}"u8.ToArray()), StorableText.Raw("{\"a\":\"\0\"}"));
        Assert.Equal("{\"a\":\"\\u0000\"}", StorableText.Raw("{\"a\":\"\\u0000\"}"));
    }
}
