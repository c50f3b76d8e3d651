using Upt.Batch.Sources;

namespace Upt.Batch.Tests;

public sealed class BatchSourceFactoryTests
{
    [Theory]
    [InlineData("s3://bucket", "s3://bucket")]
    [InlineData("s3://bucket/", "s3://bucket")]
    [InlineData("s3://bucket/imports/air/", "s3://bucket/imports/air")]
    [InlineData("/data/batch/", "/data/batch")]
    [InlineData("/data/batch", "/data/batch")]
    public void Sources_are_named_in_one_form(string text, string name)
    {
        var factory = new BatchSourceFactory(() => new Upt.S3.S3Client(new Upt.S3.S3ClientOptions { ServiceUrl = new Uri("http://127.0.0.1:1") }));
        Assert.True(factory.TryCreate(text, out var source, out var error), error);
        Assert.Equal(name, source.Name);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("data/batch", "absolute")]
    [InlineData("./batch", "absolute")]
    [InlineData("http://host/batch", "unsupported")]
    [InlineData("s3://", "bucket name is missing")]
    [InlineData("s3://Bad_Bucket/x", "Invalid S3 location")]
    public void Bad_sources_say_what_is_wrong(string text, string expected)
    {
        Assert.False(BatchSourceFactory.TryParse(text, out _, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
