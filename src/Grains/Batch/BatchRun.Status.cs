using Upt.Storage;

namespace Upt.Grains.Batch;

/// <summary>The run's counters, as a status for callers and as a row for <c>upt_batch_runs</c>.</summary>
internal sealed partial class BatchRun
{
    private int _filesTotal;
    private int _filesDone;
    private int _filesSkipped;
    private int _filesIgnored;
    private long _bytesTotal;
    private long _bytesDone;
    private long _records;
    private long _errors;
    private long _linesSkipped;
    private string? _lastError;
    private string _status = BatchRunRow.Running;
    private DateTimeOffset? _finishedAt;

    /// <summary>Records the outcome (the row is written by the caller).</summary>
    public void Finish(bool succeeded, string? error, DateTimeOffset at)
    {
        _status = succeeded ? BatchRunRow.Succeeded : BatchRunRow.Failed;
        _lastError = error ?? (succeeded ? null : _lastError);
        _finishedAt = at;
    }

    public BatchRunRow ToRow() => row with
    {
        Status = _status,
        FinishedAt = _finishedAt,
        FilesTotal = _filesTotal,
        FilesDone = _filesDone,
        FilesSkipped = _filesSkipped,
        FilesIgnored = _filesIgnored,
        BytesTotal = _bytesTotal,
        BytesDone = _bytesDone,
        Records = _records,
        Errors = _errors,
        LastError = _lastError,
        LinesSkipped = _linesSkipped,
    };

    public BatchJobStatus Snapshot() => ToStatus(ToRow());

    public static BatchJobStatus ToStatus(BatchRunRow run) => new()
    {
        RunId = run.Id,
        Domain = run.Domain,
        ObjectType = run.ObjectType,
        Source = run.Source,
        From = run.FromDate,
        State = run.Status switch
        {
            BatchRunRow.Running => BatchRunState.Running,
            BatchRunRow.Succeeded => BatchRunState.Succeeded,
            _ => BatchRunState.Failed,
        },
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        FilesTotal = run.FilesTotal,
        FilesDone = run.FilesDone,
        FilesSkipped = run.FilesSkipped,
        FilesIgnored = run.FilesIgnored,
        BytesTotal = run.BytesTotal,
        BytesDone = run.BytesDone,
        Records = run.Records,
        Errors = run.Errors,
        LastError = run.LastError,
        Range = run.RangeFrom is { } from && run.RangeTo is { } to ? new BatchTimeRange(from, to) : null,
        LinesSkipped = run.LinesSkipped,
    };
}
