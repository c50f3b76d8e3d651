namespace Upt.Cli.Tests;

/// <summary>`upt batch` refuses wrong arguments before calling the API, and says when the API is not there.</summary>
public sealed class BatchArgumentTests
{
    [Theory]
    [InlineData("--source", "--domain", "d")]
    [InlineData("--domain", "--source", "/in")]
    [InlineData("--object-type must be one of air_booking,", "--source", "/in", "--domain", "d", "--object-type", "hotel")]
    [InlineData("--from must be a date, YYYY-MM-DD.", "--source", "/in", "--domain", "d", "--from", "2024-02-30")]
    [InlineData("--api must be an absolute http(s) URL.", "--source", "/in", "--domain", "d", "--api", "localhost:8080")]
    public async Task Bad_arguments_are_rejected_with_a_message(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(["batch", .. args]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_that_does_not_answer_is_named()
    {
        var result = await CliProcess.RunAsync("batch", "--source", "/in", "--domain", "demo", "--api", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("batch: error: cannot reach the API at http://127.0.0.1:9/", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
