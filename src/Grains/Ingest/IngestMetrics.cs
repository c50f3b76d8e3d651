using System.Diagnostics.Metrics;

namespace Upt.Grains.Ingest;

/// <summary>
/// Meter <c>Upt.Ingest</c>: what ingestion made durable (objects per type, profiles created, merges by type)
/// and what it rejected (errors by category). Counted after the write is durable, so redelivery adds nothing.
/// </summary>
public static class IngestMetrics
{
    /// <summary>The meter name to export.</summary>
    public const string MeterName = "Upt.Ingest";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Objects = Meter.CreateCounter<long>("upt.ingest.objects", "{object}", "Objects inserted or changed, by object type");
    private static readonly Counter<long> Profiles = Meter.CreateCounter<long>("upt.ingest.profiles_created", "{profile}", "Profiles created");
    private static readonly Counter<long> Merges = Meter.CreateCounter<long>("upt.ingest.merges", "{merge}", "Profiles absorbed by another, by merge type");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("upt.ingest.errors", "{error}", "Rejected objects and records, by error category");

    /// <summary>Probes refused because a rule-index value is shared by more profiles than the domain allows (over-merge guard).</summary>
    internal static readonly Counter<long> RuleValuesSaturated = Meter.CreateCounter<long>("upt.identity.saturated_probes", "{probe}", "Rule-index probes refused by the over-merge guard");

    internal static void Record(IEnumerable<ProfileChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case ChangeKind.Created:
                    Profiles.Add(1);
                    Objects.Add(1, new KeyValuePair<string, object?>("object_type", change.ObjectType));
                    break;
                case ChangeKind.Updated:
                    Objects.Add(1, new KeyValuePair<string, object?>("object_type", change.ObjectType));
                    break;
                // Only envelope merge mode merges today; rule and ai merges will carry their own type.
                case ChangeKind.Merged:
                    Merges.Add(1, new KeyValuePair<string, object?>("merge_type", "manual"));
                    break;
            }
        }
    }

    internal static void RecordErrors(IEnumerable<string> categories)
    {
        foreach (var category in categories)
        {
            Errors.Add(1, new KeyValuePair<string, object?>("category", category));
        }
    }
}
