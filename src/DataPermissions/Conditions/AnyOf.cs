using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Conditions;

/// <summary>Terms joined by <c>or</c>: one must hold.</summary>
public sealed class AnyOf(IReadOnlyList<Condition> terms) : Condition
{
    /// <summary>The terms, at least two.</summary>
    public IReadOnlyList<Condition> Terms { get; } = terms;

    public override bool Evaluate(JsonObject data) => Terms.Any(t => t.Evaluate(data));

    /// <summary>Parenthesised, so the tree's grouping shows: <c>(a = 1 or b = 2)</c>.</summary>
    public override string ToString() => $"({string.Join(" or ", Terms)})";
}
