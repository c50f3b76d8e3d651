using System.Threading.Channels;

namespace Upt.Storage;

/// <summary>
/// Coalesces point reads from many grains (activations loading their state) into one query per batch,
/// the read-side twin of <see cref="GroupCommitWriter"/>.
/// </summary>
public sealed class BatchedLoader<TKey, TValue> : IAsyncDisposable
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, Task<IReadOnlyDictionary<TKey, TValue>>> _load;
    private readonly Channel<(TKey Key, TaskCompletionSource<TValue?> Completion)> _queue = Channel.CreateUnbounded<(TKey, TaskCompletionSource<TValue?>)>();
    private readonly Task[] _loops;
    private readonly int _maxBatch;

    /// <summary>Starts <paramref name="loops"/> loaders that call <paramref name="load"/> with up to <paramref name="maxBatch"/> distinct keys.</summary>
    public BatchedLoader(Func<IReadOnlyList<TKey>, Task<IReadOnlyDictionary<TKey, TValue>>> load, int loops = 2, int maxBatch = 1000)
    {
        _load = load;
        _maxBatch = maxBatch;
        _loops = Enumerable.Range(0, loops).Select(_ => Task.Run(LoopAsync)).ToArray();
    }

    /// <summary>The value for <paramref name="key"/>, or default when there is none.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        var completion = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((key, completion)))
        {
            throw new ObjectDisposedException(nameof(BatchedLoader<TKey, TValue>));
        }

        return completion.Task;
    }

    private async Task LoopAsync()
    {
        var waiting = new List<(TKey Key, TaskCompletionSource<TValue?> Completion)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            waiting.Clear();
            while (waiting.Count < _maxBatch && _queue.Reader.TryRead(out var item))
            {
                waiting.Add(item);
            }

            if (waiting.Count == 0)
            {
                continue;
            }

            try
            {
                var found = await _load(waiting.Select(w => w.Key).Distinct().ToList());
                foreach (var (key, completion) in waiting)
                {
                    completion.TrySetResult(found.TryGetValue(key, out var value) ? value : default);
                }
            }
            catch (Exception ex)
            {
                foreach (var (_, completion) in waiting)
                {
                    completion.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Stops accepting reads and lets queued ones finish.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }
}
