namespace Upt.Matching;

/// <summary>The kind of value a <see cref="BlockedValues"/> check is about; some placeholders only make sense for one kind.</summary>
public enum BlockedValueKind
{
    /// <summary>A person name.</summary>
    Name,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>A phone number.</summary>
    Phone,

    /// <summary>A loyalty or other account id.</summary>
    Identifier,

    /// <summary>A date (birth date).</summary>
    Date,

    /// <summary>An address part (line, city, postcode).</summary>
    Address,
}
