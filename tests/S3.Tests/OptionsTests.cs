namespace Upt.S3.Tests;

/// <summary><see cref="S3ClientOptions"/> defaults and validation.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_pick_the_addressing_style_from_the_endpoint()
    {
        var aws = new S3ClientOptions { Region = "eu-west-1" };
        aws.Validate();
        Assert.False(aws.UsesPathStyle);
        Assert.Equal(new Uri("https://s3.eu-west-1.amazonaws.com/"), aws.ResolveServiceUrl());

        var local = new S3ClientOptions { ServiceUrl = new Uri("http://127.0.0.1:4569") };
        Assert.True(local.UsesPathStyle);
        Assert.False(new S3ClientOptions { ServiceUrl = new Uri("http://minio:9000"), ForcePathStyle = false }.UsesPathStyle);
        Assert.True(new S3ClientOptions { ForcePathStyle = true }.UsesPathStyle);
    }

    [Fact]
    public void Every_invalid_setting_is_named()
    {
        var options = new S3ClientOptions
        {
            Region = "eu west",
            ServiceUrl = new Uri("ftp://host/"),
            MaxRetries = -1,
            InitialBackoff = TimeSpan.Zero,
            MaxBackoff = TimeSpan.FromSeconds(-1),
            ConnectTimeout = TimeSpan.Zero,
            RequestTimeout = TimeSpan.FromSeconds(-5),
        };
        var e = Assert.Throws<ArgumentException>(options.Validate);
        foreach (var name in new[] { "Region", "ServiceUrl", "MaxRetries", "InitialBackoff", "MaxBackoff", "ConnectTimeout", "RequestTimeout" })
        {
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }

        var result = new S3ClientOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("MaxRetries", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new S3ClientOptionsValidator().Validate(null, new S3ClientOptions()).Succeeded);
        Assert.Throws<ArgumentException>(() => new S3Client(options));
    }

    [Theory]
    [InlineData("http://h/?x=1")]
    [InlineData("http://user:pw@h/")]
    [InlineData("http://h/#frag")]
    public void Service_urls_with_query_or_credentials_are_refused(string url) =>
        Assert.Contains("ServiceUrl", Assert.Throws<ArgumentException>(new S3ClientOptions { ServiceUrl = new Uri(url) }.Validate).Message, StringComparison.Ordinal);
}
