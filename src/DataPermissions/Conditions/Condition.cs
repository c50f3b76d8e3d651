using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Conditions;

/// <summary>
/// The row condition of a grant (after <c>?</c>). Evaluation fails closed: a missing attribute, a type mismatch or
/// an operator the attribute's type does not support makes a comparison false.
/// </summary>
public abstract class Condition
{
    /// <summary>True when <paramref name="data"/> (a record or the profile-level fields) satisfies the condition.</summary>
    public abstract bool Evaluate(JsonObject data);
}
