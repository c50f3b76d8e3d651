namespace Upt.Transforms.Common;

/// <summary>Which character rule applies to a string field (UPT §1.4).</summary>
internal enum StringKind
{
    /// <summary>No control characters, braces, angle brackets, caret or equals sign.</summary>
    SingleLine,

    /// <summary>Only newline and carriage return are forbidden.</summary>
    Url,

    /// <summary>No character restriction (user agents).</summary>
    Free,
}
