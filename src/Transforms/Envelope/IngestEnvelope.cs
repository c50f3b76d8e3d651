using System.Text.Json;

namespace Upt.Transforms.Envelope;

/// <summary>A validated UPT input envelope (upt-transform §1.1).</summary>
/// <param name="ObjectType">One of the 7 business object types.</param>
/// <param name="ModelVersion">Envelope model version, copied as-is ("" when absent).</param>
/// <param name="Data">The business object. Owned by the parse result's document: use it before disposing that.</param>
/// <param name="Domain">Validated domain name.</param>
/// <param name="Mode">Ingestion mode.</param>
/// <param name="MergeModeProfileId">Merge target traveller id ("" when absent).</param>
/// <param name="PartialFields">Partial-mode fields, each <c>&lt;flat_type&gt;.&lt;field&gt;</c> or <c>&lt;flat_type&gt;.*</c>.</param>
/// <param name="Timestamp">Producer timestamp ("" when absent).</param>
/// <param name="Uid">Producer uid ("" when absent).</param>
public sealed record IngestEnvelope(
    string ObjectType,
    string ModelVersion,
    JsonElement Data,
    string Domain,
    IngestMode Mode,
    string MergeModeProfileId,
    IReadOnlyList<string> PartialFields,
    string Timestamp,
    string Uid);
