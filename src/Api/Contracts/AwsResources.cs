using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>UPT's <c>awsResources</c> block; Upt fills only <c>jobs</c>.</summary>
public sealed record AwsResources([property: JsonPropertyName("jobs")] IReadOnlyList<JobSummaryView> Jobs);
