namespace Upt.Grains.Batch;

/// <summary>
/// A sequence of chunks with at most one in flight. Lines are assigned to a lane by their traveller key, so the next
/// chunk of a lane, which may hold later lines of the same travellers, starts only after the previous one is durable.
/// </summary>
internal sealed class BatchLane(int index)
{
    private List<BatchChunkItem> _items = [];

    public int Index => index;

    public int Count => _items.Count;

    /// <summary>The chunk in flight (a completed task when none).</summary>
    public Task InFlight { get; private set; } = Task.CompletedTask;

    public void Add(BatchChunkItem item) => _items.Add(item);

    /// <summary>Waits for the chunk in flight, then sends the buffered lines (if any) as the next one.</summary>
    public async Task FlushAsync(Func<BatchLane, List<BatchChunkItem>, Task> send)
    {
        await InFlight;
        if (_items.Count == 0)
        {
            return;
        }

        var chunk = _items;
        _items = [];
        InFlight = send(this, chunk);
    }

    /// <summary>Sends what is buffered and waits until everything sent is durable.</summary>
    public async Task DrainAsync(Func<BatchLane, List<BatchChunkItem>, Task> send)
    {
        await FlushAsync(send);
        await InFlight;
    }
}
