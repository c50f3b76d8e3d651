namespace Upt.DevInfra;

/// <summary>The shape of a <see cref="LocalCluster"/>.</summary>
public sealed class LocalClusterOptions
{
    /// <summary>How many silos to start (each with its own silo, gateway and HTTP port).</summary>
    public int Silos { get; set; } = 1;

    /// <summary>Shards of the Kinesis stream; the silos get one Orleans queue per shard.</summary>
    public int Shards { get; set; } = 4;

    /// <summary>The Kinesis stream the silos read; created when missing.</summary>
    public string StreamName { get; set; } = "upt-ingest";

    /// <summary>
    /// Where PostgreSQL data (<c>pg</c>) and process logs (<c>logs</c>) go. Kept on dispose, so data persists between
    /// runs. Null means a fresh temporary folder that is deleted on dispose (tests).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>The API's HTTP port; null picks a free one.</summary>
    public int? ApiPort { get; set; }

    /// <summary>Whether to start the API after the silos.</summary>
    public bool StartApi { get; set; } = true;

    /// <summary>
    /// Start a local token issuer (<see cref="LocalOidcIssuer"/>) and make the API require its tokens
    /// (<c>Auth:Development</c>). Otherwise the API runs with auth off, unless <see cref="ApiEnvironment"/> sets <c>Auth__*</c>.
    /// </summary>
    public bool DevelopmentAuth { get; set; }

    /// <summary>The dev issuer's port; null picks a free one.</summary>
    public int? DevIssuerPort { get; set; }

    /// <summary>The Orleans cluster id (membership rows are per cluster id).</summary>
    public string ClusterId { get; set; } = "upt-local";

    /// <summary>The Orleans service id (grain state is per service id).</summary>
    public string ServiceId { get; set; } = "upt";

    /// <summary>The database that holds clustering, grain state, Upt tables and Kinesis checkpoints.</summary>
    public string Database { get; set; } = "upt";

    /// <summary>Build configuration of the silo and API that are started.</summary>
    public string Configuration { get; set; } = "Release";

    /// <summary>How long each silo and the API may take to become ready.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Extra environment for every silo (overrides the defaults), e.g. <c>Logging__LogLevel__Default</c>.</summary>
    public IDictionary<string, string> SiloEnvironment { get; } = new Dictionary<string, string>();

    /// <summary>Extra environment for the API (overrides the defaults, among them <c>Auth__Enabled=false</c>).</summary>
    public IDictionary<string, string> ApiEnvironment { get; } = new Dictionary<string, string>();

    /// <summary>Throws <see cref="ArgumentException"/> for impossible settings.</summary>
    public void Validate()
    {
        if (Silos < 0)
        {
            throw new ArgumentException($"Silos must be 0 or more (was {Silos}).");
        }

        if (Shards < 1)
        {
            throw new ArgumentException($"Shards must be 1 or more (was {Shards}).");
        }

        if (string.IsNullOrWhiteSpace(StreamName))
        {
            throw new ArgumentException("StreamName must be set.");
        }

        if (StartApi && Silos == 0)
        {
            throw new ArgumentException("The API needs at least one silo.");
        }
    }
}
