namespace Upt.DataPermissions.Conditions;

/// <summary>The operators of a comparison.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c> (also <c>==</c>).</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>in [a,b]</c>: equal to one of the values.</summary>
    In,
}
