namespace Upt.Cli.Tests;

/// <summary>What a CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string LastStdoutLine => Stdout.TrimEnd().Split('\n').LastOrDefault()?.Trim() ?? "";

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
