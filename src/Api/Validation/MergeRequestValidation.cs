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
    /// Null when every pair is valid (<paramref name="merges"/> then holds them in request order); else the first
    /// problem. <paramref name="caller"/>, the token's subject, becomes every pair's operator when given.
    /// </summary>
    public static string? Validate(MergeBody? body, string? caller, out IReadOnlyList<ValidatedMerge> merges)
    {
        merges = [];
        var pairs = body?.MergeRq;
        if (pairs is null || pairs.Count is 0 or > MaxPairs)
        {
            return $"mergeRq must hold between 1 and {MaxPairs} pairs";
        }

        var valid = new List<ValidatedMerge>(pairs.Count);
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

            // UPT flags such pairs in its match table; that table is not reachable from the API yet, and answering
            // success without flagging would let the pair be proposed again unnoticed.
            if (pair.FalsePositive)
            {
                return $"{name}.falsePositive is not supported yet: match pairs cannot be flagged through this API";
            }

            if (ContextError($"{name}.mergeContext", pair.MergeContext, caller, out var context) is { } contextError)
            {
                return contextError;
            }

            valid.Add(new ValidatedMerge(pair.Source!, pair.Target!, context!));
        }

        merges = valid;
        return null;
    }

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
