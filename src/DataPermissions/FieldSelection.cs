namespace Upt.DataPermissions;

/// <summary>
/// The fields of a grant: <c>*</c> with optional exclusions (<c>*,birthDate,pronoun</c>), or only the listed ones
/// (<c>firstName,lastName</c>). Names compare as <see cref="FieldNames.Same"/> does.
/// </summary>
public sealed class FieldSelection
{
    private FieldSelection(bool allExcept, IReadOnlyList<string> names)
    {
        AllExcept = allExcept;
        Names = names;
    }

    /// <summary>True for <c>*</c> (all fields but <see cref="Names"/>), false for an explicit list.</summary>
    public bool AllExcept { get; }

    /// <summary>The excluded fields (<see cref="AllExcept"/>) or the only fields shown.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>All fields except <paramref name="excluded"/>.</summary>
    public static FieldSelection Except(IReadOnlyList<string> excluded) => new(true, excluded);

    /// <summary>Only <paramref name="fields"/>.</summary>
    public static FieldSelection Only(IReadOnlyList<string> fields) => new(false, fields);

    /// <summary>True when the attribute <paramref name="key"/> of the data is shown.</summary>
    public bool Allows(string key)
    {
        var listed = false;
        foreach (var name in Names)
        {
            if (FieldNames.Same(name, key))
            {
                listed = true;
                break;
            }
        }

        return listed != AllExcept;
    }

    public override string ToString() => AllExcept ? string.Join(',', ["*", .. Names]) : string.Join(',', Names);
}
