namespace Upt.Api.Validation;

/// <summary>Size limits of request bodies that are read whole.</summary>
public static class RequestLimits
{
    /// <summary>Largest settings body (portal and domain settings): far above any valid one, far below a memory problem.</summary>
    public const long MaxSettingsBodyBytes = 1 << 20;
}
