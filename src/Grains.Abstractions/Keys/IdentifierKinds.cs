namespace Upt.Grains;

/// <summary>The kinds of identifier grains. Values other than traveller ids are stored normalised.</summary>
public static class IdentifierKinds
{
    /// <summary>A source traveller id: the identity that owns records.</summary>
    public const string Traveller = "traveller";

    /// <summary>An email address (lower-cased, trimmed).</summary>
    public const string Email = "email";

    /// <summary>A phone number (digits, with a leading '+' kept).</summary>
    public const string Phone = "phone";

    /// <summary>A loyalty programme member id.</summary>
    public const string Loyalty = "loyalty";

    /// <summary>A last name (lower-cased, trimmed) — a search key, not an identity.</summary>
    public const string LastName = "last_name";

    /// <summary>Every lookup kind (all but traveller).</summary>
    public static IReadOnlyList<string> Lookups { get; } = [Email, Phone, Loyalty, LastName];
}
