using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Upt.Storage;

/// <summary>
/// Group commit: writes from many grains are coalesced into one transaction (one round trip of
/// multi-row statements), and each caller's task completes only when its rows are durable.
/// Storage, not Orleans, is the bottleneck; 100 rows per statement go ~10x faster than 100 statements.
/// </summary>
public sealed partial class GroupCommitWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitOptions _options;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>();
    private readonly Task[] _flushers;

    /// <summary>Starts the flush loops.</summary>
    public GroupCommitWriter(NpgsqlDataSource dataSource, IOptions<GroupCommitOptions> options, ILogger<GroupCommitWriter> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
        // Counter shards: one per flusher and process, so concurrent flushes never contend on a counter row.
        var baseShard = CounterSql.NewShardBase();
        _flushers = Enumerable.Range(0, _options.Flushers).Select(i => Task.Run(() => FlushLoopAsync(baseShard + i))).ToArray();
    }

    /// <summary>Makes a profile write durable; the result tells which objects actually changed.</summary>
    public Task<WriteResult> WriteAsync(ProfileWrite write, CancellationToken cancellationToken = default)
    {
        if (write.IsEmpty)
        {
            return Task.FromResult(WriteResult.Empty);
        }

        var pending = new PendingWrite(write, null);
        return Enqueue(pending, cancellationToken);
    }

    /// <summary>Makes error records durable (a redelivered error with the same id is kept once).</summary>
    public Task WriteErrorsAsync(IReadOnlyList<ErrorRow> errors, CancellationToken cancellationToken = default)
    {
        if (errors.Count == 0)
        {
            return Task.CompletedTask;
        }

        return Enqueue(new PendingWrite(null, errors), cancellationToken);
    }

    private Task<WriteResult> Enqueue(PendingWrite pending, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter));
        }

        return cancellationToken.CanBeCanceled ? pending.Completion.Task.WaitAsync(cancellationToken) : pending.Completion.Task;
    }

    private async Task FlushLoopAsync(int shard)
    {
        var reader = _queue.Reader;
        var batch = new List<PendingWrite>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            var rows = 0;
            while (rows < _options.MaxRowsPerFlush && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                rows += pending.RowCount;
            }

            if (batch.Count > 0)
            {
                await FlushWithRetriesAsync(batch, shard);
            }
        }
    }

    private async Task FlushWithRetriesAsync(List<PendingWrite> batch, int shard)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var results = await WriteBatch.ExecuteAsync(_dataSource, batch, shard);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }

                return;
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < _options.MaxAttempts)
            {
                LogRetry(_logger, attempt, batch.Count, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 20 * Math.Pow(2, attempt)) * (0.5 + Random.Shared.NextDouble())));
            }
            catch (Exception ex) when (batch.Count > 1 && !IsTransient(ex))
            {
                // One bad write must not fail the others: retry each alone so only the culprit fails.
                LogSplit(_logger, batch.Count, ex.Message);
                foreach (var single in batch)
                {
                    await FlushWithRetriesAsync([single], shard);
                }

                return;
            }
            catch (Exception ex)
            {
                LogFailed(_logger, batch.Count, ex);
                // A refusal for the data (the batch was split down to it) is told apart, so the caller can keep an error record instead of retrying forever.
                var failure = batch.Count == 1 && UnstorableWriteException.Matches(ex) ? UnstorableWriteException.From(ex) : ex;
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(failure);
                }

                return;
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState is "40P01" or "40001" or "55P03" or "57P01" or "57P03" or "53300",
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException or IOException => true,
        _ => false,
    };

    /// <summary>Stops accepting writes and waits until everything queued is flushed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_flushers);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Group commit attempt {Attempt} of {Writes} writes failed transiently: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, int writes, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Group commit of {Writes} writes failed ({Reason}); retrying them one by one")]
    private static partial void LogSplit(ILogger logger, int writes, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Group commit of {Writes} writes failed")]
    private static partial void LogFailed(ILogger logger, int writes, Exception exception);
}
