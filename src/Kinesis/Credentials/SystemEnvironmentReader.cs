namespace Upt.Kinesis;

/// <summary>The real process environment.</summary>
public sealed class SystemEnvironmentReader : IEnvironmentReader
{
    /// <summary>The shared instance.</summary>
    public static SystemEnvironmentReader Instance { get; } = new();

    /// <inheritdoc />
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    /// <inheritdoc />
    public string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
