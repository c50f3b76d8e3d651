namespace Upt.Kinesis;

/// <summary>Reads environment variables and the home folder; lets tests run in parallel without touching the process environment.</summary>
public interface IEnvironmentReader
{
    /// <summary>The value of an environment variable, or null when unset.</summary>
    string? GetVariable(string name);

    /// <summary>The user's home folder (where <c>.aws</c> lives).</summary>
    string HomeDirectory { get; }
}
