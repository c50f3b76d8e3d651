namespace Upt.DevInfra;

/// <summary>The Upt programs that run as separate processes.</summary>
public enum UptApp
{
    /// <summary>The Orleans silo host (<c>Upt.Silo.dll</c>).</summary>
    Silo,

    /// <summary>The HTTP API, an Orleans client (<c>Upt.Api.dll</c>).</summary>
    Api,
}
