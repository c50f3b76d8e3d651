namespace Upt.Grains.Domains;

/// <summary>The list of domains. A singleton, but only admin calls reach it (never ingestion).</summary>
[GrainType("domain-directory")]
internal sealed class DomainDirectoryGrain(
    [PersistentState("directory", StorageNames.Upt)] IPersistentState<DomainDirectoryState> state) : Grain, IDomainDirectoryGrain
{
    public async ValueTask<bool> AddAsync(string domain)
    {
        if (!state.State.Names.Add(domain))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async ValueTask<bool> RemoveAsync(string domain)
    {
        if (!state.State.Names.Remove(domain))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public ValueTask<IReadOnlyList<string>> ListAsync() => ValueTask.FromResult<IReadOnlyList<string>>(state.State.Names.ToList());
}
