using Upt.DevInfra;
using Upt.Kinesis;
using Upt.S3;
using Upt.TestSupport;

namespace Upt.Integration.Tests.Batch;

/// <summary>
/// A local Upt whose silo reads S3 from an s3rver (behind the SigV4-verifying proxy, with s3rver's credentials), with
/// small batch chunks so that a few hundred lines already make many chunks over every lane.
/// </summary>
public class BatchClusterFixture : ClusterFixture, IAsyncLifetime, IAsyncDisposable
{
    private readonly S3rverFixture _s3rver = new();
    private S3Client? _s3;

    /// <summary>A client of the same s3rver, to fill buckets.</summary>
    public S3Client S3 => _s3 ?? throw new InvalidOperationException("The cluster is not started");

    /// <summary>The API's base address.</summary>
    public Uri ApiUrl => Cluster.ApiUrl;

    public new async ValueTask InitializeAsync()
    {
        await _s3rver.InitializeAsync();
        _s3 = new S3Client(
            new S3ClientOptions { ServiceUrl = _s3rver.Endpoint, Region = S3rverFixture.Region },
            credentials: new StaticCredentialsProvider(S3rverFixture.AccessKeyId, S3rverFixture.SecretAccessKey));
        await base.InitializeAsync();
    }

    public new async ValueTask DisposeAsync()
    {
        _s3?.Dispose();
        await base.DisposeAsync();
        await _s3rver.DisposeAsync();
    }

    protected override LocalClusterOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.Shards = 1;
        options.SiloEnvironment["Batch__S3__ServiceUrl"] = _s3rver.Endpoint.ToString();
        options.SiloEnvironment["Batch__S3__Region"] = S3rverFixture.Region;
        // The silo's default credential chain reads these; kinesalite accepts any signature.
        options.SiloEnvironment["AWS_ACCESS_KEY_ID"] = S3rverFixture.AccessKeyId;
        options.SiloEnvironment["AWS_SECRET_ACCESS_KEY"] = S3rverFixture.SecretAccessKey;
        options.SiloEnvironment["Batch__ChunkSize"] = "40";
        options.SiloEnvironment["Batch__HeartbeatInterval"] = "00:00:01";
        options.SiloEnvironment["Batch__StaleAfter"] = "00:00:10";
        return options;
    }
}

/// <summary>The batch test classes share one such cluster (each test uses its own domain).</summary>
[CollectionDefinition(Name)]
public sealed class BatchClusterCollection : ICollectionFixture<BatchClusterFixture>
{
    public const string Name = "Batch cluster";
}
