namespace Upt.Grains;

/// <summary>A domain's portal configuration (UPT's <c>portalConfig</c>: hyperlink templates). Key: the domain name.</summary>
[Alias("upt.IPortalConfigGrain")]
public interface IPortalConfigGrain : IGrainWithStringKey
{
    /// <summary>The domain's hyperlink mappings, in the order they were saved.</summary>
    [Alias("GetHyperlinks"), ReadOnly]
    ValueTask<IReadOnlyList<HyperlinkMapping>> GetHyperlinksAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates <paramref name="mappings"/> and, when every one is valid, makes them the whole set (mappings not listed
    /// are gone). Returns the validation messages; empty when saved. Nothing changes when any is invalid.
    /// </summary>
    [Alias("SaveHyperlinks")]
    ValueTask<IReadOnlyList<string>> SaveHyperlinksAsync(IReadOnlyList<HyperlinkMapping> mappings, CancellationToken cancellationToken = default);

    /// <summary>Forgets the configuration (the domain was deleted).</summary>
    [Alias("Clear")]
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
