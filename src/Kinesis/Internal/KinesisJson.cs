using System.Globalization;
using System.Text.Json;

namespace Upt.Kinesis.Internal;

/// <summary>Hand-rolled readers for the JSON 1.1 answers (no reflection, one pass over the bytes).</summary>
internal static class KinesisJson
{
    public static StreamSummary ReadStreamSummary(ReadOnlySpan<byte> json)
    {
        var reader = Start(json);
        string? name = null, status = null;
        var open = 0;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("StreamDescriptionSummary"))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartObject);
                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("StreamName"))
                    {
                        name = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("StreamStatus"))
                    {
                        status = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("OpenShardCount"))
                    {
                        reader.Read();
                        open = reader.GetInt32();
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new StreamSummary(name ?? throw Missing("StreamName"), status ?? throw Missing("StreamStatus"), open);
    }

    public static (List<KinesisShard> Shards, string? NextToken) ReadListShards(ReadOnlySpan<byte> json)
    {
        var reader = Start(json);
        var shards = new List<KinesisShard>();
        string? next = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Shards"))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    shards.Add(ReadShard(ref reader));
                }
            }
            else if (reader.ValueTextEquals("NextToken"))
            {
                next = ReadString(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return (shards, next);
    }

    public static string ReadShardIterator(ReadOnlySpan<byte> json)
    {
        var reader = Start(json);
        string? iterator = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("ShardIterator"))
            {
                iterator = ReadString(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return iterator ?? throw Missing("ShardIterator");
    }

    public static GetRecordsResult ReadGetRecords(ReadOnlySpan<byte> json)
    {
        var reader = Start(json);
        List<KinesisRecord>? records = null;
        string? next = null;
        long behind = 0;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Records"))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartArray);
                records = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    records.Add(ReadRecord(ref reader));
                }
            }
            else if (reader.ValueTextEquals("NextShardIterator"))
            {
                next = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("MillisBehindLatest"))
            {
                reader.Read();
                behind = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : 0;
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new GetRecordsResult((IReadOnlyList<KinesisRecord>?)records ?? [], next, behind);
    }

    public static PutRecordResult ReadPutRecord(ReadOnlySpan<byte> json)
    {
        var reader = Start(json);
        string? shard = null, seq = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("ShardId"))
            {
                shard = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("SequenceNumber"))
            {
                seq = ReadString(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new PutRecordResult(shard ?? throw Missing("ShardId"), seq ?? throw Missing("SequenceNumber"));
    }

    public static PutRecordsResult ReadPutRecords(ReadOnlySpan<byte> json, int expected)
    {
        var reader = Start(json);
        var failed = 0;
        var entries = new List<PutRecordsResultEntry>(expected);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("FailedRecordCount"))
            {
                reader.Read();
                failed = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : 0;
            }
            else if (reader.ValueTextEquals("Records"))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    string? shard = null, seq = null, code = null, message = null;
                    while (NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("ShardId"))
                        {
                            shard = ReadString(ref reader);
                        }
                        else if (reader.ValueTextEquals("SequenceNumber"))
                        {
                            seq = ReadString(ref reader);
                        }
                        else if (reader.ValueTextEquals("ErrorCode"))
                        {
                            code = ReadString(ref reader);
                        }
                        else if (reader.ValueTextEquals("ErrorMessage"))
                        {
                            message = ReadString(ref reader);
                        }
                        else
                        {
                            SkipValue(ref reader);
                        }
                    }

                    entries.Add(new PutRecordsResultEntry(shard, seq, code, message));
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        if (entries.Count != expected)
        {
            throw new JsonException($"PutRecords answered {entries.Count} results for {expected} entries.");
        }

        return new PutRecordsResult(failed, entries);
    }

    private static KinesisShard ReadShard(ref Utf8JsonReader reader)
    {
        string? id = null, parent = null, adjacent = null, startHash = null, endHash = null, startSeq = null, endSeq = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("ShardId"))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("ParentShardId"))
            {
                parent = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("AdjacentParentShardId"))
            {
                adjacent = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("HashKeyRange"))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartObject);
                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("StartingHashKey"))
                    {
                        startHash = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("EndingHashKey"))
                    {
                        endHash = ReadString(ref reader);
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else if (reader.ValueTextEquals("SequenceNumberRange"))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartObject);
                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("StartingSequenceNumber"))
                    {
                        startSeq = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("EndingSequenceNumber"))
                    {
                        endSeq = ReadString(ref reader);
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new KinesisShard(
            id ?? throw Missing("ShardId"),
            parent,
            adjacent,
            startHash ?? throw Missing("StartingHashKey"),
            endHash ?? throw Missing("EndingHashKey"),
            startSeq ?? throw Missing("StartingSequenceNumber"),
            endSeq);
    }

    private static KinesisRecord ReadRecord(ref Utf8JsonReader reader)
    {
        string? seq = null, key = null;
        byte[]? data = null;
        var arrival = DateTimeOffset.MinValue;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Data"))
            {
                reader.Read();
                data = reader.TokenType == JsonTokenType.Null ? [] : reader.GetBytesFromBase64();
            }
            else if (reader.ValueTextEquals("SequenceNumber"))
            {
                seq = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("PartitionKey"))
            {
                key = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("ApproximateArrivalTimestamp"))
            {
                reader.Read();
                arrival = ReadTimestamp(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new KinesisRecord(seq ?? throw Missing("SequenceNumber"), key ?? throw Missing("PartitionKey"), data ?? [], arrival);
    }

    /// <summary>Epoch seconds (a number, possibly fractional, as AWS and kinesalite send) or an ISO-8601 string.</summary>
    internal static DateTimeOffset ReadTimestamp(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var seconds = reader.GetDecimal();
                return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero));
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(s * 1000m, MidpointRounding.AwayFromZero));
                }

                return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            default:
                return DateTimeOffset.MinValue;
        }
    }

    private static Utf8JsonReader Start(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        reader.Read();
        Expect(ref reader, JsonTokenType.StartObject);
        return reader;
    }

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} but found {reader.TokenType} at byte {reader.TokenStartIndex}.");
        }
    }

    private static JsonException Missing(string field) => new($"The answer lacks {field}.");
}
