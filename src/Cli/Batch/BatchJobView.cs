using System.Globalization;
using System.Text.Json.Nodes;

namespace Upt.Cli.Batch;

/// <summary>A job as <c>GET /api/ucp/jobs</c> lists it (UPT's three fields and Upt's run details).</summary>
internal sealed record BatchJobView
{
    public required string JobName { get; init; }

    /// <summary>RUNNING, SUCCEEDED, FAILED, or not_running when the job never ran.</summary>
    public required string Status { get; init; }

    public long? RunId { get; init; }

    public string? Source { get; init; }

    public DateTime LastRunTime { get; init; }

    public DateTime? FinishedTime { get; init; }

    public int FilesTotal { get; init; }

    public int FilesDone { get; init; }

    public int FilesSkipped { get; init; }

    public int FilesIgnored { get; init; }

    public long BytesTotal { get; init; }

    public long BytesDone { get; init; }

    public long Records { get; init; }

    public long Errors { get; init; }

    public double RecordsPerSecond { get; init; }

    public string? LastError { get; init; }

    /// <summary>The re-run day, or the start of a replay's range.</summary>
    public string? From { get; init; }

    /// <summary>The end of a replay's range; null for an ordinary run.</summary>
    public string? To { get; init; }

    /// <summary>A replay's lines outside its range.</summary>
    public long LinesSkipped { get; init; }

    public bool IsReplay => To is not null;

    public bool IsRunning => Status == "RUNNING";

    public bool Succeeded => Status == "SUCCEEDED";

    /// <summary>How long the run took (so far).</summary>
    public TimeSpan Duration => (FinishedTime ?? DateTime.UtcNow) - LastRunTime;

    public static BatchJobView Parse(JsonNode job) => new()
    {
        JobName = (string?)job["jobName"] ?? "",
        Status = (string?)job["status"] ?? "",
        RunId = (long?)job["runId"],
        Source = (string?)job["source"],
        LastRunTime = Time(job["lastRunTime"]) ?? DateTime.MinValue,
        FinishedTime = Time(job["finishedTime"]),
        FilesTotal = (int?)job["filesTotal"] ?? 0,
        FilesDone = (int?)job["filesDone"] ?? 0,
        FilesSkipped = (int?)job["filesSkipped"] ?? 0,
        FilesIgnored = (int?)job["filesIgnored"] ?? 0,
        BytesTotal = (long?)job["bytesTotal"] ?? 0,
        BytesDone = (long?)job["bytesDone"] ?? 0,
        Records = (long?)job["records"] ?? 0,
        Errors = (long?)job["errors"] ?? 0,
        RecordsPerSecond = (double?)job["recordsPerSecond"] ?? 0,
        LastError = (string?)job["lastError"],
        From = (string?)job["from"],
        To = (string?)job["to"],
        LinesSkipped = (long?)job["linesSkipped"] ?? 0,
    };

    /// <summary>The line `upt batch` ends with on stdout (a contract: tools parse it).</summary>
    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"batch: job={JobName} run={RunId} status={Status} files={FilesTotal} done={FilesDone} skipped={FilesSkipped} ignored={FilesIgnored} records={Records} errors={Errors} seconds={Duration.TotalSeconds:0.0} rate={RecordsPerSecond:0}/s");

    /// <summary>The line `upt replay` ends with on stdout (a contract: tools parse it).</summary>
    public string ReplaySummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"replay: run={RunId} status={Status} from={From} to={To} files={FilesTotal} done={FilesDone} records={Records} skipped_lines={LinesSkipped} errors={Errors} seconds={Duration.TotalSeconds:0.0} rate={RecordsPerSecond:0}/s");

    private static DateTime? Time(JsonNode? node) =>
        (string?)node is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
