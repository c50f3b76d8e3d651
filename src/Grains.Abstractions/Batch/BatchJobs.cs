namespace Upt.Grains;

/// <summary>Names of batch jobs as the API shows them (UPT: one Glue job per business object, and "run-all-jobs").</summary>
public static class BatchJobs
{
    /// <summary>The object type of the job over envelopes of every type.</summary>
    public const string AllTypes = "*";

    /// <summary>UPT's name for starting every job; here the job over envelopes of every type.</summary>
    public const string RunAllJobs = "run-all-jobs";

    /// <summary>The 7 business object types (the same as <c>Upt.Transforms.Records.BusinessObjectTypes.All</c>).</summary>
    public static IReadOnlyList<string> ObjectTypes { get; } =
        ["air_booking", "pax_profile", "guest_profile", "hotel_booking", "hotel_stay", "customer_service_interaction", "clickstream"];

    /// <summary>Every job name: one per object type, then <see cref="RunAllJobs"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ObjectTypes, RunAllJobs];

    /// <summary>The object type (or <see cref="AllTypes"/>) of a job name; null for an unknown name.</summary>
    public static string? ObjectTypeOf(string? jobName) =>
        jobName == RunAllJobs ? AllTypes : ObjectTypes.Contains(jobName, StringComparer.Ordinal) ? jobName : null;

    /// <summary>The job name of an object type (or <see cref="AllTypes"/>).</summary>
    public static string NameOf(string objectType) => objectType == AllTypes ? RunAllJobs : objectType;
}
