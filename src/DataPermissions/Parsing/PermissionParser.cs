namespace Upt.DataPermissions.Parsing;

/// <summary>
/// <c>permission = "*/*" | grant { newline grant }</c>, <c>grant = object "/" fields [ "?" condition ]</c>,
/// <c>fields = "*" { "," field } | field { "," field }</c>. Blank lines are skipped; <c>*/*</c> must stand alone;
/// an object may have one line.
/// </summary>
internal static class PermissionParser
{
    public const string AdminText = "*/*";

    public static DataPermission Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var used = lines.Select((l, i) => (Text: l, Number: i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        if (used.FirstOrDefault(l => l.Text.Trim() == AdminText) is { Text: not null } admin)
        {
            if (used.Count > 1)
            {
                var other = used.First(l => l.Number != admin.Number);
                throw new PermissionSyntaxException(new PermissionSyntaxError(other.Number, 1, $"{AdminText} must be the only line of a permission"));
            }

            return DataPermission.Admin;
        }

        var grants = new List<ObjectGrant>();
        foreach (var (line, number) in used)
        {
            var cursor = new LineCursor(line, number);
            var grant = Grant(cursor);
            if (grants.FirstOrDefault(g => g.CanonicalObject == grant.CanonicalObject) is { } earlier)
            {
                throw cursor.Error(line.Length - line.TrimStart().Length, $"{grant.Object} is already granted by the line '{earlier}'; an object may have one line (several groups do combine)");
            }

            grants.Add(grant);
        }

        return new DataPermission(grants);
    }

    private static ObjectGrant Grant(LineCursor cursor)
    {
        cursor.SkipSpaces();
        var start = cursor.Position;
        if (cursor.TryConsume('*'))
        {
            throw cursor.Error(start, $"the object '*' is only allowed as the whole line {AdminText}");
        }

        var obj = cursor.ReadName(path: false) ?? throw cursor.Error($"expected an object name (traveller, air_booking, ...), found {cursor.Found()}");
        if (!cursor.TryConsume('/'))
        {
            throw cursor.Error($"expected '/' after the object '{obj}', found {cursor.Found()}");
        }

        var fields = Fields(cursor);
        cursor.SkipSpaces();
        Conditions.Condition? condition = null;
        if (cursor.TryConsume('?'))
        {
            condition = ConditionParser.Parse(cursor);
            cursor.SkipSpaces();
        }

        if (!cursor.AtEnd)
        {
            throw cursor.Error(condition is null
                ? $"expected ',', '?' or the end of the line, found {cursor.Found()}"
                : $"expected 'and', 'or' or the end of the line, found {cursor.Found()}");
        }

        return new ObjectGrant(obj, fields, condition);
    }

    private static FieldSelection Fields(LineCursor cursor)
    {
        cursor.SkipSpaces();
        var all = cursor.TryConsume('*');
        var names = new List<string>();
        if (!all)
        {
            names.Add(FieldName(cursor));
        }

        while (true)
        {
            var before = cursor.Position;
            cursor.SkipSpaces();
            if (!cursor.TryConsume(','))
            {
                cursor.Position = before;
                break;
            }

            cursor.SkipSpaces();
            names.Add(FieldName(cursor));
        }

        return all ? FieldSelection.Except(names) : FieldSelection.Only(names);
    }

    private static string FieldName(LineCursor cursor)
    {
        if (!cursor.AtEnd && cursor.Current == '*')
        {
            throw cursor.Error("'*' must come first in a field list (all fields, then the ones excluded)");
        }

        return cursor.ReadName(path: false) ?? throw cursor.Error($"expected a field name, found {cursor.Found()}");
    }
}
