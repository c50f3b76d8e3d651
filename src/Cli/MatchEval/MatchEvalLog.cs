using Microsoft.Extensions.Logging;

namespace Upt.Cli.MatchEval;

/// <summary>Progress messages of <c>upt match-eval</c> (counts only: FEBRL rows are person-like data).</summary>
internal static partial class MatchEvalLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Phase} ...")]
    public static partial void Phase(ILogger logger, string phase);

    [LoggerMessage(Level = LogLevel.Information, Message = "  {Travellers}/{Expected} travellers stored; profiles still settling")]
    public static partial void Settling(ILogger logger, int travellers, int expected);
}
