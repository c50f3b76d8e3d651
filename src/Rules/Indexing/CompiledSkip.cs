using System.Text.RegularExpressions;

namespace Upt.Rules;

/// <summary>A skip condition ready to evaluate: its regular expression compiled once, with a timeout.</summary>
internal sealed class CompiledSkip
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Condition _condition;
    private readonly FieldRef _field;
    private readonly FieldRef _field2;
    private readonly Regex? _regex;

    public CompiledSkip(Condition condition)
    {
        _condition = condition;
        _field = new FieldRef(condition.IncomingObjectType, condition.IncomingObjectField);
        _field2 = new FieldRef(condition.IncomingObjectType2, condition.IncomingObjectField2);
        if (condition.Op == ConditionOps.MatchesRegexp)
        {
            try
            {
                _regex = new Regex(condition.SkipConditionValue.StringValue ?? "", RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException)
            {
                // UPT: an invalid expression means "does not skip" (the validator refuses them; rules built in code may not).
                _regex = null;
            }
        }
    }

    /// <summary>True when the condition applies to this record and holds, so the rule ignores the record.</summary>
    public bool Holds(in RecordView record)
    {
        var value = _field.Read(record);
        if (value is null)
        {
            return false;
        }

        var literal = _condition.SkipConditionValue.AsText();
        return _condition.Op switch
        {
            ConditionOps.EqualsField => value == (_field2.Read(record) ?? ""),
            ConditionOps.NotEqualsField => value != (_field2.Read(record) ?? ""),
            ConditionOps.EqualsValue => value == literal,
            ConditionOps.NotEqualsValue => value != literal,
            ConditionOps.MatchesRegexp => IsMatch(value),
            _ => false,
        };
    }

    private bool IsMatch(string value)
    {
        if (_regex is null)
        {
            return false;
        }

        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern must not stall ingestion; not skipping is UPT's answer for a failed expression.
            return false;
        }
    }
}
