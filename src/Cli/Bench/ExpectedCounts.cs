namespace Upt.Cli.Bench;

/// <summary>What the pipeline must hold once every object of a workload is durable.</summary>
/// <param name="FlatRecords">Flat records the transforms emit (repeats of a key included).</param>
/// <param name="Objects">Distinct (object_type, traveller_id, accp_object_id): rows of <c>upt_objects</c>.</param>
/// <param name="Travellers">Distinct traveller ids: one profile each (the feed has no merges).</param>
/// <param name="TransformErrors">Objects the transforms reject: each becomes an error record.</param>
internal sealed record ExpectedCounts(long FlatRecords, long Objects, long Travellers, long TransformErrors);
