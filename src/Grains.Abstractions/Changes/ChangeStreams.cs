namespace Upt.Grains;

/// <summary>Names of the per-domain change stream: subscribe with <c>GetStreamProvider(ProviderName).GetStream&lt;ProfileChangeEvent&gt;(ForDomain(d))</c>.</summary>
public static class ChangeStreams
{
    /// <summary>The stream provider name (silo and clients).</summary>
    public const string ProviderName = "changes";

    /// <summary>The stream namespace; the stream key is the domain name.</summary>
    public const string Namespace = "upt-changes";

    /// <summary>The change stream of a domain.</summary>
    public static StreamId ForDomain(string domain) => StreamId.Create(Namespace, domain);
}
