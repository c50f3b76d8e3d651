namespace Upt.S3.Tests;

/// <summary><c>s3://bucket/prefix</c> parsing.</summary>
public sealed class S3LocationTests
{
    [Theory]
    [InlineData("s3://upt-data", "upt-data", "")]
    [InlineData("s3://upt-data/", "upt-data", "")]
    [InlineData("S3://upt-data/exports/2024/", "upt-data", "exports/2024/")]
    [InlineData("s3://my.bucket-1/a b+c=d/ünï?x#y%20", "my.bucket-1", "a b+c=d/ünï?x#y%20")]
    [InlineData("s3://abc//double", "abc", "/double")]
    public void Valid_locations(string text, string bucket, string key)
    {
        var location = S3Location.Parse(text);
        Assert.Equal(new S3Location(bucket, key), location);
        Assert.Equal($"s3://{bucket}/{key}", location.ToString());
        Assert.Equal(location, S3Location.Parse(location.ToString()));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("upt-data/prefix", "must start with s3://")]
    [InlineData("https://upt-data.s3.amazonaws.com/x", "must start with s3://")]
    [InlineData("s3:/upt-data/x", "must start with s3://")]
    [InlineData(" s3://upt-data/x", "must start with s3://")]
    [InlineData("s3://", "bucket name is missing")]
    [InlineData("s3:///key", "bucket name is missing")]
    [InlineData("s3://ab/x", "must be 3 to 63 characters long")]
    [InlineData("s3://Upper-Case/x", "may only contain lower-case letters, digits, '.' and '-' (found 'U')")]
    [InlineData("s3://under_score", "(found '_')")]
    [InlineData("s3://bucket?x=1", "(found '?')")]
    [InlineData("s3://-bucket/x", "must start and end with a letter or digit")]
    [InlineData("s3://a..b/x", "must not contain")]
    [InlineData("s3://192.168.1.1/x", "must not look like an IP address")]
    public void Invalid_locations_say_what_is_wrong(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => S3Location.Parse(text));
        Assert.StartsWith($"Invalid S3 location \"{text}\": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(S3Location.TryParse(text, out _));
    }

    [Fact]
    public void Too_long_keys_and_null_are_rejected()
    {
        Assert.Contains("longer than 1024", Assert.Throws<FormatException>(() => S3Location.Parse("s3://bkt/" + new string('é', 513))).Message, StringComparison.Ordinal);
        Assert.Equal("s3://bkt/" + new string('k', 1024), S3Location.Parse("s3://bkt/" + new string('k', 1024)).ToString());
        Assert.Throws<ArgumentNullException>(() => S3Location.Parse(null!));
        Assert.False(S3Location.TryParse(null, out var none));
        Assert.Null(none);
    }

    [Theory]
    [InlineData("s3://bkt", "", "s3://bkt")]
    [InlineData("s3://bkt/", "", "s3://bkt")]
    [InlineData("s3://bkt/backup", "backup/", "s3://bkt/backup")]
    [InlineData("s3://bkt/backup/", "backup/", "s3://bkt/backup")]
    [InlineData("s3://bkt//a/c//", "a/c/", "s3://bkt/a/c")]
    public void KeyPrefix_and_FolderName_treat_the_key_as_a_folder(string text, string prefix, string folder)
    {
        var location = S3Location.Parse(text);

        Assert.Equal(prefix, location.KeyPrefix);
        Assert.Equal(folder, location.FolderName);
    }
}
