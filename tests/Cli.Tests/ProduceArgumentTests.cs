namespace Upt.Cli.Tests;

/// <summary>Wrong arguments never reach Kinesis: a message that says what is wrong, and a non-zero exit.</summary>
public sealed class ProduceArgumentTests
{
    [Theory]
    [InlineData("Give exactly one of --file F.jsonl or --generate N.", "--stream", "s", "--domain", "d")]
    [InlineData("Give exactly one of --file F.jsonl or --generate N.", "--stream", "s", "--domain", "d", "--generate", "3", "--file", "x.jsonl")]
    [InlineData("--stream", "--domain", "d", "--generate", "3")]
    [InlineData("--domain", "--stream", "s", "--generate", "3")]
    [InlineData("--generate", "--stream", "s", "--domain", "d", "--generate", "many")]
    [InlineData("--rate must be 0 (unlimited) or more.", "--stream", "s", "--domain", "d", "--generate", "3", "--rate", "-1")]
    [InlineData("--endpoint must be an absolute http(s) URL.", "--stream", "s", "--domain", "d", "--generate", "3", "--endpoint", "not a url")]
    [InlineData("--object-type only applies to --file.", "--stream", "s", "--domain", "d", "--generate", "3", "--object-type", "hotel_stay")]
    public async Task Bad_arguments_are_rejected_with_a_message(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(["produce", .. args]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var result = await CliProcess.RunAsync("produce", "--stream", "s", "--domain", "d", "--file", "/no/such/file.jsonl", "--endpoint", "http://127.0.0.1:9");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("produce: error: file not found: /no/such/file.jsonl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_unknown_type_asks_for_object_type()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mystery-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(path, "{\"id\":\"1\"}\n", TestContext.Current.CancellationToken);
        try
        {
            var result = await CliProcess.RunAsync("produce", "--stream", "s", "--domain", "d", "--file", path, "--endpoint", "http://127.0.0.1:9");

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("pass --object-type", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_rejects_bad_counts_before_starting_anything()
    {
        var result = await CliProcess.RunAsync("run", "--silos", "0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--silos must be between 1 and 16.", result.Stderr, StringComparison.Ordinal);
    }
}
