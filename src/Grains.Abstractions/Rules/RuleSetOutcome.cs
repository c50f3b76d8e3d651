namespace Upt.Grains;

/// <summary>How a rule-set save or activation ended.</summary>
public enum RuleSetOutcome
{
    /// <summary>Saved or activated.</summary>
    Done,

    /// <summary>The domain does not exist.</summary>
    DomainNotFound,

    /// <summary>The rules failed validation; see <see cref="RuleSetResult.Errors"/>.</summary>
    Invalid,

    /// <summary>Activation without a draft, or with an empty one.</summary>
    NoDraft,
}
