using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>
/// A batch job as UPT lists its Glue jobs (<c>jobName</c>, <c>lastRunTime</c>, <c>status</c>: <c>not_running</c> and
/// <c>0001-01-01T00:00:00Z</c> when it never ran, else RUNNING, SUCCEEDED or FAILED), plus Upt's run details.
/// </summary>
public sealed record JobSummaryView
{
    [JsonPropertyName("jobName")] public required string JobName { get; init; }

    /// <summary>When the last run started (UTC).</summary>
    [JsonPropertyName("lastRunTime")] public DateTime LastRunTime { get; init; }

    [JsonPropertyName("status")] public required string Status { get; init; }

    /// <summary>The business object type, or <c>*</c> for <c>run-all-jobs</c> (envelopes of every type).</summary>
    [JsonPropertyName("objectType")] public required string ObjectType { get; init; }

    [JsonPropertyName("runId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RunId { get; init; }

    [JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>The re-run day (YYYY-MM-DD), or the first instant of a replay's range (ISO 8601, UTC).</summary>
    [JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    /// <summary>The last instant of a replay's range (ISO 8601, UTC); absent for an ordinary run.</summary>
    [JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }

    [JsonPropertyName("finishedTime"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? FinishedTime { get; init; }

    [JsonPropertyName("filesTotal")] public int FilesTotal { get; init; }

    [JsonPropertyName("filesDone")] public int FilesDone { get; init; }

    [JsonPropertyName("filesSkipped")] public int FilesSkipped { get; init; }

    [JsonPropertyName("filesIgnored")] public int FilesIgnored { get; init; }

    [JsonPropertyName("bytesTotal")] public long BytesTotal { get; init; }

    [JsonPropertyName("bytesDone")] public long BytesDone { get; init; }

    /// <summary>Lines (business objects) done, errors included.</summary>
    [JsonPropertyName("records")] public long Records { get; init; }

    /// <summary>Lines that became error records (see <c>GET /api/ucp/error</c>, field <c>source</c>).</summary>
    [JsonPropertyName("errors")] public long Errors { get; init; }

    /// <summary>A replay's lines whose timestamp lies outside its range: read, not ingested.</summary>
    [JsonPropertyName("linesSkipped")] public long LinesSkipped { get; init; }

    [JsonPropertyName("recordsPerSecond")] public double RecordsPerSecond { get; init; }

    [JsonPropertyName("lastError"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastError { get; init; }
}
