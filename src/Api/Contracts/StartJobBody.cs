using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>The body of <c>POST /api/ucp/jobs</c>: UPT's request envelope with <c>startJobRq</c>.</summary>
public sealed record StartJobBody([property: JsonPropertyName("startJobRq")] StartJobRq StartJobRq);

/// <summary>UPT's <c>startJobRq</c> (<c>jobName</c>, <c>domainName</c>) with Upt's optional <c>source</c>, <c>from</c> and <c>to</c>.</summary>
public sealed record StartJobRq
{
    [JsonPropertyName("jobName")]
    [Description("A business object type (air_booking, pax_profile, guest_profile, hotel_booking, hotel_stay, customer_service_interaction, clickstream): its lines may be bare objects of that type or envelopes; or run-all-jobs: envelopes of every type.")]
    public required string JobName { get; init; }

    [JsonPropertyName("domainName")]
    [Description("The domain, when the customer-profiles-domain header is not sent (if both are sent they must agree).")]
    public string? DomainName { get; init; }

    [JsonPropertyName("source")]
    [Description("Upt: s3://bucket[/prefix] or an absolute folder path on the silo, holding {domain}/{YYYY}/{MM}/{DD}/*.jsonl. Default: the silo's Batch:DefaultSource.")]
    public string? Source { get; init; }

    [JsonPropertyName("from")]
    [Description("Upt: YYYY-MM-DD. Files dated on or after this day are ingested again even if already ingested (ingestion is idempotent). With to: the start of a replay range, a date or an ISO date-time (UTC unless it has an offset).")]
    public string? From { get; init; }

    [JsonPropertyName("to")]
    [Description("Upt: the end (inclusive) of a replay range, a date (its whole day) or an ISO date-time; needs from. A replay reads the files dated from's day to to's day, ingests the lines whose envelope timestamp lies in [from, to] (lines without one: all of their file), counts the others as linesSkipped, and neither reads nor writes bookmarks.")]
    public string? To { get; init; }
}
