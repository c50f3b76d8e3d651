namespace Upt.Cli.Tests;

/// <summary>`upt replay` refuses wrong arguments before calling the API, and says when the API is not there.</summary>
public sealed class ReplayArgumentTests
{
    [Theory]
    [InlineData("--domain", "--from", "2024-06-01", "--to", "2024-06-02")]
    [InlineData("--from", "--domain", "d", "--to", "2024-06-02")]
    [InlineData("--to", "--domain", "d", "--from", "2024-06-01")]
    [InlineData("--from must be a date (YYYY-MM-DD) or an ISO date-time", "--domain", "d", "--from", "2024-02-30", "--to", "2024-06-02")]
    [InlineData("--to must be a date (YYYY-MM-DD) or an ISO date-time", "--domain", "d", "--from", "2024-06-01", "--to", "2024-06-02 10:00")]
    [InlineData("--from must not be after --to.", "--domain", "d", "--from", "2024-06-02T00:00:01Z", "--to", "2024-06-01")]
    [InlineData("--api must be an absolute http(s) URL.", "--domain", "d", "--from", "2024-06-01", "--to", "2024-06-01", "--api", "localhost:8080")]
    public async Task Bad_arguments_are_rejected_with_a_message(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(["replay", .. args]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_that_does_not_answer_is_named()
    {
        var result = await CliProcess.RunAsync("replay", "--domain", "demo", "--from", "2024-06-01", "--to", "2024-06-01T12:00", "--source", "/backup", "--api", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("replay: error: cannot reach the API at http://127.0.0.1:9/", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
