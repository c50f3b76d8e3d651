using System.Diagnostics.CodeAnalysis;
using Upt.Transforms.Records;

namespace Upt.Transforms;

/// <summary>Outcome of transforming one business object: either every group of flat records, or one error and no records.</summary>
public sealed class TransformResult
{
    private TransformResult(IReadOnlyList<RecordGroup>? groups, TransformError? error)
    {
        Groups = groups ?? [];
        Error = error;
    }

    /// <summary>Record groups in UPT's emission order; every group of the object type is present, possibly empty. Empty on failure.</summary>
    public IReadOnlyList<RecordGroup> Groups { get; }

    /// <summary>The rejection reason, or null on success.</summary>
    public TransformError? Error { get; }

    /// <summary>True when the object transformed without error.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>All records of all groups, in emission order (the order UPT publishes them).</summary>
    public IEnumerable<System.Text.Json.Nodes.JsonObject> AllRecords => Groups.SelectMany(g => g.Records);

    /// <summary>A successful result.</summary>
    public static TransformResult Success(IReadOnlyList<RecordGroup> groups) => new(groups, null);

    /// <summary>A failed result.</summary>
    public static TransformResult Failure(TransformError error) => new(null, error);

    /// <summary>The group layout of UPT's golden files: group key → list of records.</summary>
    public System.Text.Json.Nodes.JsonObject ToGroupedJson()
    {
        var root = new System.Text.Json.Nodes.JsonObject();
        foreach (var group in Groups)
        {
            var list = new System.Text.Json.Nodes.JsonArray();
            foreach (var record in group.Records)
            {
                list.Add(record.DeepClone());
            }

            root[group.Key] = list;
        }

        return root;
    }
}
