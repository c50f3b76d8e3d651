namespace Upt.Grains.Ingest;

/// <summary>Marker interface of the shard consumer grain (it is only reached through its stream).</summary>
[Alias("upt.IKinesisIngestGrain")]
public interface IKinesisIngestGrain : IGrainWithStringKey;
