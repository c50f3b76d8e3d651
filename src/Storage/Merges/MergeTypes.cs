namespace Upt.Storage;

/// <summary>The <c>merge_type</c> values of the merge history.</summary>
public static class MergeTypes
{
    /// <summary>A merge decided by a matching rule.</summary>
    public const string Rule = "rule";

    /// <summary>A merge decided by AI matching (match review or auto-merge).</summary>
    public const string Ai = "ai";

    /// <summary>A merge asked for by an operator, the SDK or an envelope in merge mode.</summary>
    public const string Manual = "manual";

    /// <summary>A profile taken out of the profile it had been merged into.</summary>
    public const string Unmerge = "unmerge";

    /// <summary>A deleted profile (history only).</summary>
    public const string Delete = "delete";

    /// <summary>True for the types that join two profiles (rule, ai, manual).</summary>
    public static bool IsMerge(string mergeType) => mergeType is Rule or Ai or Manual;
}
