using System.Globalization;
using Upt.Api.Contracts;
using Upt.Grains;

namespace Upt.Api.Validation;

/// <summary>UPT's checks on <c>mergeRq</c>: 1–50 pairs of UUIDs, each with a context that its merge type makes complete.</summary>
public static class MergeRequestValidation
{
    /// <summary>UPT's limit on pairs per request.</summary>
    public const int MaxPairs = 50;

    /// <summary>
    /// Null when every pair is valid (<paramref name="merges"/> and <paramref name="falsePositives"/> then hold the pairs
    /// to merge and to mark false positive, in request order); else the first problem. <paramref name="caller"/>, the
    /// token's subject, becomes every merge's operator when given. A false-positive pair needs no merge context.
    /// </summary>
    public static string? Validate(MergeBody? body, string? caller, out IReadOnlyList<ValidatedMerge> merges, out IReadOnlyList<(string Source, string Target)> falsePositives)
    {
        merges = [];
        falsePositives = [];
        var pairs = body?.MergeRq;
        if (pairs is null || pairs.Count is 0 or > MaxPairs)
        {
            return $"mergeRq must hold between 1 and {MaxPairs} pairs";
        }

        var valid = new List<ValidatedMerge>(pairs.Count);
        var marked = new List<(string Source, string Target)>();
        var markedAt = new Dictionary<(string, string), int>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var name = $"mergeRq[{i}]";
            var pair = pairs[i];
            if (pair is null)
            {
                return $"{name} is required";
            }

            if ((UcpValidation.ProfileIdError($"{name}.source", pair.Source) ?? UcpValidation.ProfileIdError($"{name}.target", pair.Target)) is { } idError)
            {
                return idError;
            }

            if (pair.FalsePositive)
            {
                markedAt.TryAdd(Unordered(pair.Source!, pair.Target!), i);
                marked.Add((pair.Source!, pair.Target!));
                continue;
            }

            if (ContextError($"{name}.mergeContext", pair.MergeContext, caller, out var context) is { } contextError)
            {
                return contextError;
            }

            valid.Add(new ValidatedMerge(pair.Source!, pair.Target!, context!));
        }

        // Merging a pair that the same request calls two travellers is a contradiction, not an order to pick from.
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!pairs[i]!.FalsePositive && markedAt.TryGetValue(Unordered(pairs[i]!.Source!, pairs[i]!.Target!), out var j))
            {
                return $"mergeRq[{i}] merges the pair that mergeRq[{j}] marks false positive";
            }
        }

        merges = valid;
        falsePositives = marked;
        return null;
    }

    private static (string, string) Unordered(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);

    private static string? ContextError(string name, MergeContextBody? body, string? caller, out MergeContext? context)
    {
        context = null;
        if (body is null)
        {
            return $"{name} is required";
        }

        var operatorId = caller ?? (string.IsNullOrEmpty(body.OperatorId) ? null : body.OperatorId);
        if ((UcpValidation.ValueError($"{name}.operatorId", operatorId) ?? UcpValidation.ValueError($"{name}.ruleId", body.RuleId)
            ?? UcpValidation.ValueError($"{name}.ruleSetVersion", body.RuleSetVersion)) is { } valueError)
        {
            return valueError;
        }

        if (body.ConfidenceUpdateFactor is { } f && (!double.IsFinite(f) || f < 0 || f > 1))
        {
            return $"{name}.confidenceUpdateFactor must be between 0 and 1";
        }

        string? ruleId = null;
        string? ruleSetVersion = null;
        switch (body.MergeType)
        {
            case "ai" when body.ConfidenceUpdateFactor is null:
                return $"{name}.confidenceUpdateFactor (the match score, between 0 and 1) is required for ai merges";
            case "ai":
                break;
            case "rule":
                if (!int.TryParse(body.RuleId, NumberStyles.None, CultureInfo.InvariantCulture, out var rule))
                {
                    return $"{name}.ruleId must be an integer >= 0 for rule merges";
                }

                if (string.IsNullOrWhiteSpace(body.RuleSetVersion))
                {
                    return $"{name}.ruleSetVersion is required for rule merges";
                }

                ruleId = rule.ToString(CultureInfo.InvariantCulture);
                ruleSetVersion = body.RuleSetVersion;
                break;
            case "manual" when operatorId is null:
                return $"{name}.operatorId is required for manual merges";
            case "manual":
                break;
            default:
                return $"{name}.mergeType must be one of rule, ai, manual";
        }

        var factor = body.ConfidenceUpdateFactor ?? 1.0;
        context = new MergeContext(body.MergeType, operatorId, ruleId, factor)
        {
            RuleSetVersion = ruleSetVersion,
            Score = body.MergeType == "ai" ? factor : null,
        };
        return null;
    }
}
