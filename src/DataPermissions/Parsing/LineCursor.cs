namespace Upt.DataPermissions.Parsing;

/// <summary>A position in one line of a permission string, with the reads the grammar needs.</summary>
internal sealed class LineCursor(string text, int line)
{
    public string Text { get; } = text;

    public int Position { get; set; }

    public bool AtEnd => Position >= Text.Length;

    public char Current => Text[Position];

    public void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            Position++;
        }
    }

    public bool TryConsume(char c)
    {
        if (!AtEnd && Current == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    public bool TryConsume(string s)
    {
        if (string.CompareOrdinal(Text, Position, s, 0, s.Length) == 0)
        {
            Position += s.Length;
            return true;
        }

        return false;
    }

    /// <summary>A lower-case keyword ending at a space, <paramref name="alsoEndsAt"/> or the end of the line.</summary>
    public bool TryKeyword(string word, params char[] alsoEndsAt)
    {
        var end = Position + word.Length;
        if (string.CompareOrdinal(Text, Position, word, 0, word.Length) != 0
            || (end < Text.Length && !char.IsWhiteSpace(Text[end]) && Array.IndexOf(alsoEndsAt, Text[end]) < 0))
        {
            return false;
        }

        Position = end;
        return true;
    }

    /// <summary>A name (<c>[A-Za-z_][A-Za-z0-9_]*</c>, dot-separated parts when <paramref name="path"/>), or null.</summary>
    public string? ReadName(bool path)
    {
        var start = Position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_' || (path && Current == '.' && Position > start && Text[Position - 1] != '.')))
        {
            Position++;
        }

        if (Position == start || char.IsAsciiDigit(Text[start]) || Text[Position - 1] == '.')
        {
            Position = start;
            return null;
        }

        return Text[start..Position];
    }

    public PermissionSyntaxException Error(string message) => Error(Position, message);

    public PermissionSyntaxException Error(int position, string message) => new(new PermissionSyntaxError(line, position + 1, message));

    /// <summary>What stands at the cursor, for messages: <c>'x'</c> or <c>end of line</c>.</summary>
    public string Found() => AtEnd ? "end of line" : $"'{Text[Position..Math.Min(Text.Length, Position + 12)]}'";
}
