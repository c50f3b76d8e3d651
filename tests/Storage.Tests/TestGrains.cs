using System.Collections.Concurrent;

namespace Upt.Storage.Tests;

[GenerateSerializer]
public sealed class Payload
{
    [Id(0)] public string? Text { get; set; }
    [Id(1)] public int Writes { get; set; }
}

/// <summary>Operations every persistent test grain offers, whatever its key kind.</summary>
public interface IStateOps : IGrain
{
    Task<string?> GetText();
    Task SetText(string text);
    Task Clear();
    Task<string?> GetETag();
    Task<bool> GetRecordExists();
    Task<Guid> GetActivationId();
    Task Deactivate();
}

public interface IStringStateGrain : IStateOps, IGrainWithStringKey;
public interface IGuidStateGrain : IStateOps, IGrainWithGuidKey;
public interface IIntegerStateGrain : IStateOps, IGrainWithIntegerKey;
public interface IGuidCompoundStateGrain : IStateOps, IGrainWithGuidCompoundKey;
public interface IIntegerCompoundStateGrain : IStateOps, IGrainWithIntegerCompoundKey;
public interface IDeletingStateGrain : IStateOps, IGrainWithStringKey;

public abstract class StateGrainBase(IPersistentState<Payload> state) : Grain, IStateOps
{
    private readonly Guid _activationId = Guid.NewGuid();

    public Task<string?> GetText() => Task.FromResult(state.State.Text);

    public async Task SetText(string text)
    {
        state.State.Text = text;
        state.State.Writes++;
        await state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();

    public Task<string?> GetETag() => Task.FromResult(state.Etag);

    public Task<bool> GetRecordExists() => Task.FromResult(state.RecordExists);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public sealed class StringStateGrain([PersistentState("s", "store")] IPersistentState<Payload> state) : StateGrainBase(state), IStringStateGrain;

public sealed class GuidStateGrain([PersistentState("s", "store")] IPersistentState<Payload> state) : StateGrainBase(state), IGuidStateGrain;

public sealed class IntegerStateGrain([PersistentState("s", "store")] IPersistentState<Payload> state) : StateGrainBase(state), IIntegerStateGrain;

public sealed class GuidCompoundStateGrain([PersistentState("s", "store")] IPersistentState<Payload> state) : StateGrainBase(state), IGuidCompoundStateGrain;

public sealed class IntegerCompoundStateGrain([PersistentState("s", "store")] IPersistentState<Payload> state) : StateGrainBase(state), IIntegerCompoundStateGrain;

/// <summary>Uses the provider configured with DeleteStateOnClear, which runs DeleteStorageKey.</summary>
public sealed class DeletingStateGrain([PersistentState("s", "deleting-store")] IPersistentState<Payload> state) : StateGrainBase(state), IDeletingStateGrain;

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);
    Task Unregister(string name);
    Task<string[]> ReminderNames();
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    /// <summary>Ticks per "grainKey/reminderName"; static because the silos run in this process and activations may change.</summary>
    public static ConcurrentDictionary<string, int> Ticks { get; } = new(StringComparer.Ordinal);

    public async Task Register(string name, TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task Unregister(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"No reminder {name}");
        await this.UnregisterReminder(reminder);
    }

    public async Task<string[]> ReminderNames() =>
        [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.AddOrUpdate($"{this.GetPrimaryKeyString()}/{reminderName}", 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
