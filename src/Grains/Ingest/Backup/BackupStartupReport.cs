using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Upt.Batch.Backup;

namespace Upt.Grains.Ingest.Backup;

/// <summary>Says once at start-up whether consumed records are backed up and where; a folder target must be writable by then.</summary>
internal sealed partial class BackupStartupReport(RawBackupWriter writer, ILogger<BackupStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (writer.Target is not { } target)
        {
            LogOff(logger);
        }
        else
        {
            // A folder that cannot be created fails the start, rather than every shard's first batch.
            if (!target.StartsWith("s3://", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.Combine(target, FolderBackupSink.TempFolder));
            }

            LogOn(logger, target);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 422, Level = LogLevel.Information, Message = "Raw backup is off (Backup:Target is empty): consumed Kinesis records are not kept for replay")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(EventId = 423, Level = LogLevel.Information, Message = "Raw backup: every consumed Kinesis record is written to {Target} ({{domain}}/YYYY/MM/DD/*.jsonl)")]
    private static partial void LogOn(ILogger logger, string target);
}
