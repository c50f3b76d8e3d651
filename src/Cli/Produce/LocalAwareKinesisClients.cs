using Upt.DevInfra;
using Upt.Kinesis;

namespace Upt.Cli.Produce;

/// <summary>Builds the Kinesis client of the CLI verbs.</summary>
internal static class LocalAwareKinesisClients
{
    /// <summary>
    /// A client for <paramref name="endpoint"/> (AWS when null). Against a loopback endpoint (kinesalite) without
    /// AWS credentials in the environment it signs with dummy ones, so `upt produce --endpoint http://127.0.0.1:N`
    /// works without any AWS setup; anywhere else the default AWS credentials chain applies.
    /// </summary>
    public static KinesisClient Create(Uri? endpoint, string region)
    {
        var options = new KinesisClientOptions { ServiceUrl = endpoint, Region = region };
        var useDummy = endpoint is { IsLoopback: true }
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE"));
        return new KinesisClient(options, credentials: useDummy ? LocalCluster.Credentials : null);
    }
}
