namespace Upt.Grains;

/// <summary>One domain (tenant): its existence, settings and stats. Key: the domain name.</summary>
[Alias("upt.IDomainGrain")]
public interface IDomainGrain : IGrainWithStringKey
{
    /// <summary>Creates the domain; false when it exists already.</summary>
    [Alias("Create")]
    ValueTask<bool> CreateAsync(DomainSettings? settings = null, CancellationToken cancellationToken = default);

    /// <summary>The domain with its counts, or null when it does not exist.</summary>
    [Alias("Get")]
    ValueTask<DomainInfo?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The settings ingestion uses, or null when the domain does not exist.</summary>
    [Alias("GetSettings"), ReadOnly]
    ValueTask<DomainSettings?> GetSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the settings; false when the domain does not exist.</summary>
    [Alias("UpdateSettings")]
    ValueTask<bool> UpdateSettingsAsync(DomainSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Deletes the domain and all its data; false when it did not exist.</summary>
    [Alias("Delete")]
    ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Error records, newest first, optionally for one traveller.</summary>
    [Alias("ListErrors"), ReadOnly]
    ValueTask<ErrorPage> ListErrorsAsync(int page, int pageSize, string? travellerId = null, CancellationToken cancellationToken = default);
}
