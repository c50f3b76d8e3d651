using System.Text.Json.Serialization;

namespace Upt.Rules;

/// <summary>
/// How match values are normalised before they become index keys. Applied in UPT's order whatever the JSON order:
/// trim, lowercase, remove non-alphanumerics, remove non-digits, remove spaces, strip leading zeros.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.rules.index-normalization")]
public sealed record IndexNormalization
{
    /// <summary>
    /// Used when a condition has no normalisation object: lowercase + trim (UPT's portal default; UPT's backend
    /// default is all off, which makes "John" and "john " different people; see docs/upt-divergences.md).
    /// </summary>
    public static IndexNormalization Default { get; } = new() { Lowercase = true, Trim = true };

    /// <summary>Every flag off: values are used as they are.</summary>
    public static IndexNormalization None { get; } = new();

    [Id(0), JsonPropertyName("lowercase")] public bool Lowercase { get; init; }

    [Id(1), JsonPropertyName("trim")] public bool Trim { get; init; }

    [Id(2), JsonPropertyName("removeSpaces")] public bool RemoveSpaces { get; init; }

    [Id(3), JsonPropertyName("removeNonNumeric")] public bool RemoveNonNumeric { get; init; }

    [Id(4), JsonPropertyName("removeNonAlphaNumeric")] public bool RemoveNonAlphaNumeric { get; init; }

    [Id(5), JsonPropertyName("removeLeadingZeros")] public bool RemoveLeadingZeros { get; init; }
}
