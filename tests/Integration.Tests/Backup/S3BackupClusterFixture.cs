using Upt.DevInfra;
using Upt.Integration.Tests.Batch;
using Upt.TestSupport;

namespace Upt.Integration.Tests.Backup;

/// <summary>The batch cluster (silo reading s3rver), its silo also backing up every consumed record into an s3rver bucket.</summary>
public sealed class S3BackupClusterFixture : BatchClusterFixture
{
    /// <summary>The bucket of the backup (created by the test: the silo writes into it only once records are consumed).</summary>
    public string Bucket { get; } = S3rverFixture.NewBucketName("backup");

    /// <summary>The silo's Backup:Target.</summary>
    public string Target => $"s3://{Bucket}/raw";

    protected override LocalClusterOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.SiloEnvironment["Backup__Target"] = Target;
        options.SiloEnvironment["Backup__S3__ServiceUrl"] = options.SiloEnvironment["Batch__S3__ServiceUrl"];
        options.SiloEnvironment["Backup__S3__Region"] = S3rverFixture.Region;
        return options;
    }
}
