using Upt.DevInfra;

namespace Upt.Integration.Tests.Backup;

/// <summary>A local Upt whose silo backs up every consumed Kinesis record into a temporary folder (two shards).</summary>
public sealed class BackupClusterFixture : ClusterFixture, IAsyncLifetime
{
    /// <summary>The silo's Backup:Target.</summary>
    public string BackupFolder { get; } = Directory.CreateTempSubdirectory("upt-backup").FullName;

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(BackupFolder, recursive: true);
    }

    protected override LocalClusterOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.Shards = 2;
        options.SiloEnvironment["Backup__Target"] = BackupFolder;
        options.SiloEnvironment["Batch__HeartbeatInterval"] = "00:00:01";
        options.SiloEnvironment["Batch__StaleAfter"] = "00:00:10";
        return options;
    }
}
