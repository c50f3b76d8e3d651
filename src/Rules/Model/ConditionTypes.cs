namespace Upt.Rules;

/// <summary>The three condition types.</summary>
public static class ConditionTypes
{
    /// <summary>Both records must have equal normalised values.</summary>
    public const string Match = "match";

    /// <summary>Restricts a match, e.g. to records within N seconds of each other.</summary>
    public const string Filter = "filter";

    /// <summary>When it holds for a record, the rule neither indexes nor matches that record.</summary>
    public const string Skip = "skip";

    /// <summary>All three.</summary>
    public static IReadOnlyList<string> All { get; } = [Match, Filter, Skip];
}
