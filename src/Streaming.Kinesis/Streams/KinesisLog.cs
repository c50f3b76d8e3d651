using Microsoft.Extensions.Logging;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>Logging of the Kinesis stream provider; never logs record payloads or partition keys.</summary>
internal static partial class KinesisLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Kinesis receiver {Provider}/{Slot} for stream {Stream} started")]
    public static partial void ReceiverStarted(ILogger logger, string provider, int slot, string stream);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Kinesis receiver {Provider}/{Slot} now reads shard {Shard} (checkpoint {Checkpoint})")]
    public static partial void ShardAdded(ILogger logger, string provider, int slot, string shard, string? checkpoint);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Shard {Shard} waits for its parent shards to be fully delivered")]
    public static partial void ShardWaitingForParents(ILogger logger, string shard);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Shard {Shard} fully delivered up to {Sequence}; checkpointed as shard end")]
    public static partial void ShardEnded(ILogger logger, string shard, string? sequence);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Shard iterator of {Shard} expired; resuming after {Sequence}")]
    public static partial void IteratorExpired(ILogger logger, string shard, string? sequence);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Reading shard {Shard} failed ({Failures} in a row); retrying in {Delay}")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string shard, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Listing the shards of {Stream} failed; retrying in {Delay}")]
    public static partial void DiscoveryFailed(ILogger logger, Exception exception, string stream, TimeSpan delay);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Writing the checkpoint of shard {Shard} failed; it is retried")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception, string shard);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Error, Message = "Kinesis receiver {Provider}/{Slot} hit an unexpected error; it keeps going")]
    public static partial void ReceiverError(ILogger logger, Exception exception, string provider, int slot);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "Kinesis receiver {Provider}/{Slot} stopped")]
    public static partial void ReceiverStopped(ILogger logger, string provider, int slot);
}
