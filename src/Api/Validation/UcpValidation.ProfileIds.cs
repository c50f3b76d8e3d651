namespace Upt.Api.Validation;

/// <summary>Profile (connect) ids.</summary>
public static partial class UcpValidation
{
    /// <summary>
    /// Null when <paramref name="value"/> is a profile id: a UUID, in Upt's 36-character form or as UPT's 32 hex digits
    /// (ids never leave that shape, so anything else is refused before it reaches a grain key or a query).
    /// </summary>
    public static string? ProfileIdError(string name, string? value) => value switch
    {
        null or "" => $"{name} is required",
        _ when Guid.TryParseExact(value, "D", out _) || Guid.TryParseExact(value, "N", out _) => null,
        _ => $"{name} must be a UUID",
    };

    /// <summary>Null when <paramref name="value"/> names an object type Upt stores (the record lists of a profile).</summary>
    public static string? ObjectTypeError(string name, string? value) =>
        string.IsNullOrEmpty(value) ? $"{name} is required"
        : ValueError(name, value) ?? (Contracts.TravellerMapper.RecordLists.ContainsKey(value) ? null : $"{name} {value} is not a known object type");
}
