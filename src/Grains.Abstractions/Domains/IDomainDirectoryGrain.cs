namespace Upt.Grains;

/// <summary>The list of domain names (admin traffic only). Key: <see cref="Key"/>.</summary>
[Alias("upt.IDomainDirectoryGrain")]
public interface IDomainDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The single key of this grain.</summary>
    const string Key = "all";

    /// <summary>Adds a name; false when present.</summary>
    [Alias("Add")]
    ValueTask<bool> AddAsync(string domain);

    /// <summary>Removes a name; false when absent.</summary>
    [Alias("Remove")]
    ValueTask<bool> RemoveAsync(string domain);

    /// <summary>All names, sorted.</summary>
    [Alias("List"), ReadOnly]
    ValueTask<IReadOnlyList<string>> ListAsync();
}
