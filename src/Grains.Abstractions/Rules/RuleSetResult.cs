using Upt.Rules;

namespace Upt.Grains;

/// <summary>The result of saving or activating a rule set: the set written, or why nothing was.</summary>
[GenerateSerializer, Immutable, Alias("upt.rule-set-result")]
public sealed record RuleSetResult(
    [property: Id(0)] RuleSetOutcome Outcome,
    [property: Id(1)] IReadOnlyList<string> Errors,
    [property: Id(2)] RuleSet? RuleSet = null)
{
    /// <summary>Success with the set written.</summary>
    public static RuleSetResult Done(RuleSet ruleSet) => new(RuleSetOutcome.Done, [], ruleSet);

    /// <summary>Failure for <paramref name="outcome"/> with one or more messages.</summary>
    public static RuleSetResult Failed(RuleSetOutcome outcome, params string[] errors) => new(outcome, errors);
}
