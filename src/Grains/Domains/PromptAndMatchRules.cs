using System.Globalization;

namespace Upt.Grains.Domains;

/// <summary>
/// What <c>domainSetting</c> may hold, and how its match half maps onto the domain's fuzzy-matching settings (it is
/// a view of them: one truth for the matcher and for the API).
/// </summary>
internal static class PromptAndMatchRules
{
    /// <summary>Longest prompt accepted.</summary>
    public const int MaxPromptLength = 4000;

    public static IReadOnlyList<string> Validate(PromptAndMatchConfig config)
    {
        var errors = new List<string>();
        var prompt = config.Prompt.Value ?? "";
        if (config.Prompt.IsActive && string.IsNullOrWhiteSpace(prompt))
        {
            errors.Add("promptConfig.value is required when promptConfig.isActive is true");
        }
        else if (prompt.Length > MaxPromptLength)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"promptConfig.value exceeds the maximum length of {MaxPromptLength}"));
        }
        else if (prompt.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add("promptConfig.value contains invalid characters");
        }

        if (double.IsNaN(config.Match.Value) || !config.Match.IsInRange)
        {
            errors.Add("matchConfig.value must be between 0.00 and 0.99");
        }

        return errors;
    }

    /// <summary>The match half as UPT shows it: the threshold, and whether auto-merge is on.</summary>
    public static MatchConfig ToMatchConfig(FuzzyMatchSettings fuzzy) => new(fuzzy.AutoMergeThreshold, !fuzzy.AutoMergeDisabled);

    /// <summary>
    /// The fuzzy settings with <paramref name="match"/> applied. The review threshold never stays above the auto-merge
    /// threshold: blocks only report pairs at or above it, so a lower auto-merge threshold would otherwise never see
    /// the pairs between the two.
    /// </summary>
    public static FuzzyMatchSettings Apply(FuzzyMatchSettings fuzzy, MatchConfig match) => fuzzy with
    {
        AutoMergeThreshold = match.Value,
        AutoMergeDisabled = !match.IsActive,
        ReviewThreshold = Math.Min(fuzzy.ReviewThreshold, match.Value),
    };
}
