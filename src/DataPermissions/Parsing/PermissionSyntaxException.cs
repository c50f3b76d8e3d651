namespace Upt.DataPermissions.Parsing;

/// <summary>Unwinds the parser to <see cref="DataPermission.TryParse"/> at the first error.</summary>
internal sealed class PermissionSyntaxException(PermissionSyntaxError error) : Exception(error.ToString())
{
    public PermissionSyntaxError Error { get; } = error;
}
