using System.Text.Json.Nodes;
using Upt.DataPermissions.Conditions;

namespace Upt.DataPermissions;

/// <summary>One line of a permission string: <c>object/fields[?condition]</c>.</summary>
/// <param name="Object">The object as written (see <see cref="DataObjects"/>).</param>
/// <param name="Fields">The fields it shows.</param>
/// <param name="Condition">The rows it shows; null: every row.</param>
public sealed record ObjectGrant(string Object, FieldSelection Fields, Condition? Condition)
{
    /// <summary>The name the grant applies to (<see cref="DataObjects.Canonical"/>).</summary>
    public string CanonicalObject => DataObjects.Canonical(Object);

    /// <summary>True when the grant shows <paramref name="data"/> (a record, or the profile-level fields).</summary>
    public bool Shows(JsonObject data) => Condition is null || Condition.Evaluate(data);

    public override string ToString() => Condition is null ? $"{Object}/{Fields}" : $"{Object}/{Fields}?{Condition}";
}
