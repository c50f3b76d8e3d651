using System.CommandLine.Parsing;

namespace Upt.Cli.Commands;

/// <summary>Cross-option validation that stays quiet when an option's own value did not parse.</summary>
internal static class CommandValidation
{
    /// <summary>
    /// Wraps <paramref name="validate"/>: System.CommandLine runs command validators even after an option failed to
    /// parse (`--generate abc`), and reading that option then throws; the parse error is already reported, so skip.
    /// </summary>
    public static Action<CommandResult> Safely(Action<CommandResult> validate) => result =>
    {
        try
        {
            validate(result);
        }
        catch (InvalidOperationException)
        {
            // The option's own parse error says what is wrong.
        }
    };
}
