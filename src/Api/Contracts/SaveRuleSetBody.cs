using System.Text.Json.Serialization;
using Upt.Rules;

namespace Upt.Api.Contracts;

/// <summary>The body of <c>POST /api/ucp/ruleSet</c>: UPT's request envelope with <c>saveRuleSetRq</c>.</summary>
public sealed record SaveRuleSetBody([property: JsonPropertyName("saveRuleSetRq")] SaveRuleSetRq SaveRuleSetRq);

/// <summary>UPT's <c>saveRuleSetRq</c>: the rules of the new draft (indexes 0..n-1).</summary>
public sealed record SaveRuleSetRq([property: JsonPropertyName("rules")] IReadOnlyList<Rule> Rules);
