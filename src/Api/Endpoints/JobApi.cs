using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Batch ingestion jobs: <c>/api/ucp/jobs</c>, one per business object type plus <c>run-all-jobs</c>, per domain.</summary>
public static class JobApi
{
    public static IEndpointRouteBuilder MapJobApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/jobs").WithTags("Jobs");
        group.MapGet("", ListAsync).WithName("ListJobs")
            .WithSummary("The domain's batch jobs: last run time and status (UPT), plus files, records, errors and rate of the last run")
            .RequireUcpPermission(AppPermission.Public);
        group.MapPost("", StartAsync).WithName("StartJob")
            .WithSummary("Start a batch job: {\"startJobRq\": {\"jobName\", \"domainName\"?, \"source\"?, \"from\"?, \"to\"?}}; poll GET /api/ucp/jobs")
            .WithDescription("With to, a replay: the lines of files dated from's day to to's day whose timestamps lie in [from, to], every time (no bookmarks). "
                + "409 when the job is already running; 400 for an unknown job name, a bad source, date or range; 404 when the domain does not exist.")
            .Accepts<StartJobBody>("application/json")
            // The header's domain (UPT's rule); without the header only global groups count, and a body domainName
            // that differs from the header is refused by the handler.
            .RequireUcpPermission(AppPermission.RunGlueJobs);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        var jobs = await Task.WhenAll(BatchJobs.Names.Select(async name =>
        {
            var type = BatchJobs.ObjectTypeOf(name)!;
            var status = await grains.GetGrain<IBatchJobGrain>(GrainKeys.BatchJob(domain, type)).GetStatusAsync();
            return View(name, type, status);
        }));
        return UcpContext.Ok(http, new UcpResponse { AwsResources = new AwsResources(jobs) });
    }

    private static async Task<IResult> StartAsync(HttpContext http, IGrainFactory grains)
    {
        JsonObject? rq;
        try
        {
            rq = (await JsonNode.ParseAsync(http.Request.Body))?["startJobRq"] as JsonObject;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return UcpContext.Fail(http, 400, $"validation error: request body is not valid JSON ({ex.Message})");
        }

        if (rq is null)
        {
            return UcpContext.Fail(http, 400, "validation error: startJobRq is required");
        }

        if (!TryText(rq, "jobName", out var jobName, out var error) || !TryText(rq, "domainName", out var domainName, out error)
            || !TryText(rq, "source", out var source, out error) || !TryText(rq, "from", out var fromText, out error)
            || !TryText(rq, "to", out var toText, out error))
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        var header = http.Request.Headers[UcpContext.DomainHeader].ToString();
        var domain = header.Length > 0 ? header : domainName ?? "";
        if (UcpValidation.DomainError(domain) is { } domainError)
        {
            return UcpContext.Fail(http, 400, $"validation error: {domainError}");
        }

        if (header.Length > 0 && domainName is { Length: > 0 } && domainName != header)
        {
            return UcpContext.Fail(http, 400, $"validation error: startJobRq.domainName '{domainName}' differs from the {UcpContext.DomainHeader} header '{header}'");
        }

        if (string.IsNullOrEmpty(jobName))
        {
            return UcpContext.Fail(http, 400, $"validation error: startJobRq.jobName is required (one of {string.Join(", ", BatchJobs.Names)})");
        }

        if (BatchJobs.ObjectTypeOf(jobName) is not { } objectType)
        {
            return UcpContext.Fail(http, 400, $"validation error: unknown job name '{jobName}'; expected one of {string.Join(", ", BatchJobs.Names)}");
        }

        DateOnly? from = null;
        BatchTimeRange? range = null;
        if (toText is { Length: > 0 })
        {
            if (RangeError(fromText, toText, out range) is { } rangeError)
            {
                return UcpContext.Fail(http, 400, $"validation error: {rangeError}");
            }
        }
        else if (fromText is { Length: > 0 })
        {
            if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return UcpContext.Fail(http, 400, $"validation error: from '{fromText}' is not a date (YYYY-MM-DD); a date-time needs to (a replay range)");
            }

            from = day;
        }

        var result = await grains.GetGrain<IBatchJobGrain>(GrainKeys.BatchJob(domain, objectType))
            .StartAsync(new BatchJobRequest(string.IsNullOrEmpty(source) ? null : source, from, range));
        return result.Outcome switch
        {
            BatchStartOutcome.Started => UcpContext.Ok(http, new UcpResponse { AwsResources = new AwsResources([View(jobName!, objectType, result.Status)]) }),
            BatchStartOutcome.AlreadyRunning => UcpContext.Fail(http, 409, $"job {jobName}: {result.Message}", "conflict"),
            BatchStartOutcome.DomainNotFound => UcpContext.Fail(http, 404, result.Message, "not_found"),
            _ => UcpContext.Fail(http, 400, $"validation error: {result.Message}"),
        };
    }

    /// <summary>Null when from and to make a range (each a date or an ISO date-time, UTC; a date to is its whole day).</summary>
    private static string? RangeError(string? fromText, string toText, out BatchTimeRange? range)
    {
        range = null;
        if (fromText is not { Length: > 0 })
        {
            return "to needs from (a replay range)";
        }

        if (!BatchTimeRange.TryParseBound(fromText, isEnd: false, out var from))
        {
            return $"from '{fromText}' is not a date (YYYY-MM-DD) or an ISO date-time (YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])";
        }

        if (!BatchTimeRange.TryParseBound(toText, isEnd: true, out var to))
        {
            return $"to '{toText}' is not a date (YYYY-MM-DD) or an ISO date-time (YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])";
        }

        if (from > to)
        {
            return $"from '{fromText}' is after to '{toText}'";
        }

        range = new BatchTimeRange(from, to);
        return null;
    }

    private static JobSummaryView View(string jobName, string objectType, BatchJobStatus? status)
    {
        if (status is null)
        {
            return new JobSummaryView { JobName = jobName, ObjectType = objectType, Status = "not_running", LastRunTime = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) };
        }

        return new JobSummaryView
        {
            JobName = jobName,
            ObjectType = objectType,
            LastRunTime = status.StartedAt.UtcDateTime,
            Status = status.State switch
            {
                BatchRunState.Running => "RUNNING",
                BatchRunState.Succeeded => "SUCCEEDED",
                _ => "FAILED",
            },
            RunId = status.RunId,
            Source = status.Source,
            From = status.Range is { } range ? BatchTimeRange.Format(range.From) : status.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = status.Range is { } r ? BatchTimeRange.Format(r.To) : null,
            LinesSkipped = status.LinesSkipped,
            FinishedTime = status.FinishedAt?.UtcDateTime,
            FilesTotal = status.FilesTotal,
            FilesDone = status.FilesDone,
            FilesSkipped = status.FilesSkipped,
            FilesIgnored = status.FilesIgnored,
            BytesTotal = status.BytesTotal,
            BytesDone = status.BytesDone,
            Records = status.Records,
            Errors = status.Errors,
            RecordsPerSecond = Math.Round(status.RecordsPerSecond(DateTimeOffset.UtcNow), 1),
            LastError = status.LastError,
        };
    }

    private static bool TryText(JsonObject rq, string name, out string? value, out string? error)
    {
        value = null;
        error = null;
        var node = rq[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            value = text;
            return true;
        }

        error = $"startJobRq.{name} must be a string";
        return false;
    }
}
