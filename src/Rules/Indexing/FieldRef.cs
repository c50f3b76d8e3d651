using Upt.Matching;

namespace Upt.Rules;

/// <summary>One side of a condition, compiled: a column or a template of one object type.</summary>
internal sealed class FieldRef
{
    private readonly RuleTemplate? _template;
    private readonly BlockedValueKind _kind;

    public FieldRef(string type, string field)
    {
        Type = type;
        Field = field;
        if (RuleTemplate.IsTemplate(field) && RuleTemplate.TryParse(field, out var template, out _))
        {
            _template = template;
        }

        _kind = RuleFieldCatalog.KindOf(type, field);
    }

    public string Type { get; }

    public string Field { get; }

    /// <summary>The raw value for <paramref name="record"/>, or null when the record does not cover this side's type.</summary>
    public string? Read(in RecordView record)
    {
        if (!record.Covers(Type))
        {
            return null;
        }

        if (_template is null)
        {
            return record.Get(Type, Field);
        }

        var view = record;
        return _template.Evaluate(f => view.Get(Type, f));
    }

    /// <summary>
    /// True when the value is a placeholder rather than data. A template is blocked when any of its fields is empty
    /// or a placeholder: "john " from a missing last name is no more an identity than "john".
    /// </summary>
    public bool IsBlocked(in RecordView record, string raw, BlockedValues blocked)
    {
        if (_template is null)
        {
            return blocked.Blocks(_kind, raw);
        }

        foreach (var field in _template.Fields)
        {
            if (blocked.Blocks(RuleFieldCatalog.KindOf(Type, field), record.Get(Type, field)))
            {
                return true;
            }
        }

        return false;
    }
}
