using Microsoft.Extensions.Logging;

namespace Upt.Cli.Run;

/// <summary>
/// Start-up and shutdown messages of <see cref="DevInfra.LocalCluster"/> as plain console lines; the CLI has no
/// logging host, and a console provider package would be a dependency for a dozen lines.
/// </summary>
internal sealed class ConsoleLogger(LogLevel minimum = LogLevel.Information) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var prefix = logLevel >= LogLevel.Warning ? "warn: " : "";
        Console.Out.WriteLine($"  {DateTime.Now:HH:mm:ss} {prefix}{formatter(state, exception)}{(exception is null ? "" : " — " + exception.Message)}");
    }
}
