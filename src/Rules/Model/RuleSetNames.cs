using System.Globalization;

namespace Upt.Rules;

/// <summary>Rule set names: the one draft, the one active set, and history versions.</summary>
public static class RuleSetNames
{
    public const string Draft = "draft";
    public const string Active = "active";

    /// <summary>The history name of the set that was active as <paramref name="version"/>: <c>v&lt;N&gt;</c>.</summary>
    public static string History(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);
}
