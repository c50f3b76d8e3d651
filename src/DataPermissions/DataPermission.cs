using System.Diagnostics.CodeAnalysis;
using Upt.DataPermissions.Parsing;

namespace Upt.DataPermissions;

/// <summary>
/// One parsed data-access permission string (UPT's grammar): <see cref="IsAdmin"/> for <c>*/*</c>, else one
/// <see cref="ObjectGrant"/> per line. Empty text grants nothing. A string that does not parse grants nothing at all
/// (fail closed), whatever its other lines say.
/// </summary>
public sealed class DataPermission
{
    private DataPermission(bool admin, IReadOnlyList<ObjectGrant> grants)
    {
        IsAdmin = admin;
        Grants = grants;
    }

    internal DataPermission(IReadOnlyList<ObjectGrant> grants)
        : this(false, grants)
    {
    }

    /// <summary><c>*/*</c>: every object, field and record, and the right to merge, unmerge and delete profiles.</summary>
    public static DataPermission Admin { get; } = new(true, []);

    /// <summary>No access (the empty string, or one that does not parse).</summary>
    public static DataPermission None { get; } = new(false, []);

    /// <summary>True for <c>*/*</c>.</summary>
    public bool IsAdmin { get; }

    /// <summary>The lines, in order; empty for <see cref="Admin"/>.</summary>
    public IReadOnlyList<ObjectGrant> Grants { get; }

    /// <summary>Objects named by a line that the API does not know (they parse, as in UPT, but show nothing).</summary>
    public IReadOnlyList<string> UnknownObjects => Grants.Where(g => !DataObjects.IsKnown(g.Object)).Select(g => g.Object).ToList();

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says where and why.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DataPermission? permission, [NotNullWhen(false)] out PermissionSyntaxError? error)
    {
        try
        {
            permission = string.IsNullOrWhiteSpace(text) ? None : PermissionParser.Parse(text);
            error = null;
            return true;
        }
        catch (PermissionSyntaxException ex)
        {
            permission = null;
            error = ex.Error;
            return false;
        }
    }

    /// <summary>The permission <paramref name="text"/> grants: <see cref="None"/> when it does not parse.</summary>
    public static DataPermission ParseOrNone(string? text) => TryParse(text, out var permission, out _) ? permission : None;

    public override string ToString() => IsAdmin ? PermissionParser.AdminText : string.Join('\n', Grants);
}
