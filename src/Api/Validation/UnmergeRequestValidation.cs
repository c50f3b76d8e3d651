using Upt.Api.Contracts;

namespace Upt.Api.Validation;

/// <summary>UPT's checks on <c>unmergeRq</c>: the parent profile, and either the profile to take out or an interaction of it.</summary>
public static class UnmergeRequestValidation
{
    /// <summary>UPT's message when neither the profile nor an interaction says what to take out.</summary>
    public const string NotEnoughInformation = "unable to perform unmerge with the information given";

    /// <summary>Null when <paramref name="rq"/> says what to unmerge from what; else the problem.</summary>
    public static string? Validate(UnmergeRequestBody? rq)
    {
        if (rq is null)
        {
            return "unmergeRq is required";
        }

        if (UcpValidation.ProfileIdError("unmergeRq.mergedIntoConnectID", rq.MergedIntoConnectId) is { } parentError)
        {
            return parentError;
        }

        if (UcpValidation.ValueError("unmergeRq.unmergeContext.operatorId", rq.UnmergeContext?.OperatorId) is { } operatorError)
        {
            return operatorError;
        }

        if (!string.IsNullOrEmpty(rq.ToUnmergeConnectId))
        {
            return UcpValidation.ProfileIdError("unmergeRq.toUnmergeConnectID", rq.ToUnmergeConnectId);
        }

        if (string.IsNullOrEmpty(rq.InteractionToUnmerge) || string.IsNullOrEmpty(rq.InteractionType))
        {
            return NotEnoughInformation;
        }

        return UcpValidation.ValueError("unmergeRq.interactionToUnmerge", rq.InteractionToUnmerge)
            ?? UcpValidation.ObjectTypeError("unmergeRq.interactionType", rq.InteractionType);
    }
}
