using Npgsql;

namespace Upt.Storage;

/// <summary>
/// PostgreSQL refused a write for what it holds, not for how the database is doing (a data exception or a program
/// limit, SQLSTATE class 22 or 54): the same write fails every time, so retrying it is pointless. The message names
/// the SQLSTATE and its kind, never the values.
/// </summary>
public sealed class UnstorableWriteException : Exception
{
    public UnstorableWriteException()
    {
    }

    public UnstorableWriteException(string message) : base(message)
    {
    }

    public UnstorableWriteException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The SQLSTATE PostgreSQL answered.</summary>
    public string SqlState { get; init; } = "";

    /// <summary>True when <paramref name="exception"/> is such a refusal.</summary>
    public static bool Matches(Exception exception) =>
        exception is PostgresException pg && (pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("54", StringComparison.Ordinal));

    /// <summary>The refusal as this exception; call only when <see cref="Matches"/> holds.</summary>
    public static UnstorableWriteException From(Exception exception)
    {
        var state = ((PostgresException)exception).SqlState;
        return new UnstorableWriteException($"PostgreSQL refused to store the record (SQLSTATE {state}: {Kind(state)})", exception) { SqlState = state };
    }

    private static string Kind(string state) => state switch
    {
        "22021" => "invalid byte sequence, e.g. a NUL character",
        "22P05" => "untranslatable character, e.g. \\u0000",
        "22001" => "a value too long for its column",
        "22003" => "a number out of range",
        "22007" or "22008" => "an invalid or out-of-range date or time",
        "54000" => "a value too large for an index",
        _ when state.StartsWith("54", StringComparison.Ordinal) => "a program limit exceeded",
        _ => "a data exception",
    };
}
