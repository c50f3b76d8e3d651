using Upt.Rules;

namespace Upt.Grains.Domains;

/// <summary>The rule-set lifecycle of a domain (upt-core §3.3) as changes to its state: save a draft, activate, list.</summary>
internal static class DomainRuleSets
{
    /// <summary>Version 1 of <paramref name="rules"/>, active since <paramref name="now"/>.</summary>
    public static RuleSet FirstActive(IReadOnlyList<Rule> rules, DateTimeOffset now) =>
        new() { Name = RuleSetNames.Active, Rules = WithNormalization(rules), LatestVersion = 1, LastActivationTimestamp = now };

    /// <summary>Validates and stores the draft; the state is unchanged when the rules are invalid.</summary>
    public static RuleSetResult SaveDraft(DomainState state, IReadOnlyList<Rule> rules)
    {
        var clean = RuleJson.Clean(rules);
        var errors = RuleSetValidator.Validate(clean);
        if (errors.Count > 0)
        {
            return RuleSetResult.Failed(RuleSetOutcome.Invalid, [.. errors]);
        }

        state.DraftRuleSet = new RuleSet { Name = RuleSetNames.Draft, Rules = WithNormalization(clean) };
        return RuleSetResult.Done(state.DraftRuleSet);
    }

    /// <summary>Draft → active (version + 1); the previous active set → history under its version.</summary>
    public static RuleSetResult Activate(DomainState state, DateTimeOffset now)
    {
        if (state.DraftRuleSet is not { } draft)
        {
            return RuleSetResult.Failed(RuleSetOutcome.NoDraft, "no draft rule set to activate");
        }

        if (draft.Rules.Count == 0)
        {
            return RuleSetResult.Failed(RuleSetOutcome.NoDraft, "the draft rule set has no rules");
        }

        var previous = state.Settings.ActiveRuleSet;
        if (previous is not null)
        {
            state.RuleSetHistory.Add(previous with { Name = RuleSetNames.History(previous.LatestVersion) });
        }

        var active = new RuleSet
        {
            Name = RuleSetNames.Active,
            Rules = draft.Rules,
            LatestVersion = (previous?.LatestVersion ?? 0) + 1,
            LastActivationTimestamp = now,
        };
        state.Settings = state.Settings with { ActiveRuleSet = active };
        state.DraftRuleSet = null;
        return RuleSetResult.Done(active);
    }

    /// <summary>Active and draft (plus history), by activation time ascending; a draft, never activated, comes first.</summary>
    public static IReadOnlyList<RuleSet> List(DomainState state, bool includeHistory)
    {
        var sets = new List<RuleSet>();
        if (includeHistory)
        {
            sets.AddRange(state.RuleSetHistory);
        }

        if (state.Settings.ActiveRuleSet is { } active)
        {
            sets.Add(active);
        }

        if (state.DraftRuleSet is { } draft)
        {
            sets.Add(draft);
        }

        return sets.OrderBy(s => s.LastActivationTimestamp).ToArray();
    }

    // Stored sets say what is in effect: a condition saved without normalisation shows the lowercase + trim it gets.
    private static Rule[] WithNormalization(IReadOnlyList<Rule> rules) =>
        rules.Select(r => r with
        {
            Conditions = r.Conditions.Select(c => c.IndexNormalization is null ? c with { IndexNormalization = IndexNormalization.Default } : c).ToArray(),
        }).ToArray();
}
