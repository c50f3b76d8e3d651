using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Conditions;

/// <summary>Terms joined by <c>and</c>: all must hold.</summary>
public sealed class AllOf(IReadOnlyList<Condition> terms) : Condition
{
    /// <summary>The terms, at least two.</summary>
    public IReadOnlyList<Condition> Terms { get; } = terms;

    public override bool Evaluate(JsonObject data) => Terms.All(t => t.Evaluate(data));

    /// <summary>Parenthesised, so the tree's grouping shows: <c>(a = 1 and b = 2)</c>.</summary>
    public override string ToString() => $"({string.Join(" and ", Terms)})";
}
