namespace Upt.DataPermissions;

/// <summary>Why a permission string does not parse, and where (1-based line and column).</summary>
public sealed record PermissionSyntaxError(int Line, int Column, string Message)
{
    /// <summary><c>line L, column C: message</c>, as the management API reports it.</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
