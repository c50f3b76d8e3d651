namespace Upt.Kinesis;

/// <summary>An environment made of a dictionary (for tests and for explicit configuration).</summary>
public sealed class DictionaryEnvironmentReader : IEnvironmentReader
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    /// <summary>Creates the environment from variables and a home folder.</summary>
    public DictionaryEnvironmentReader(IReadOnlyDictionary<string, string> variables, string? homeDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = variables;
        HomeDirectory = homeDirectory ?? Path.Combine(Path.GetTempPath(), "upt-no-home");
    }

    /// <inheritdoc />
    public string? GetVariable(string name) => _variables.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    /// <inheritdoc />
    public string HomeDirectory { get; }
}
