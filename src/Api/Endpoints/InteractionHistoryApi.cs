using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.DataPermissions;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>The merge lineage of one interaction (object record): <c>/api/ucp/interactionHistory/{id}</c>.</summary>
public static class InteractionHistoryApi
{
    public static IEndpointRouteBuilder MapInteractionHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/ucp/interactionHistory").WithTags("Merges")
            .MapGet("/{id}", GetAsync).WithName("GetInteractionHistory")
            .WithSummary("The interaction's creation (with the profile it was ingested for), then every merge from that profile to its current parent; query objectType and connectId are required")
            .WithDescription("Empty when the caller's data permission does not show records of objectType (nothing is looked up).")
            .RequireUcpPermission(AppPermission.Public);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data, string id, string? objectType, string? connectId)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        var error = UcpValidation.ValueError("id", id)
            ?? UcpValidation.ObjectTypeError("objectType", objectType)
            ?? (string.IsNullOrEmpty(connectId) ? "connectId is required" : UcpValidation.ValueError("connectId", connectId));
        if (error is not null)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        // Not looked up at all, so the answer tells nothing about whether such an interaction exists.
        if (!(await data.ForAsync(http, domain)).CanSee(objectType!))
        {
            return UcpContext.Ok(http, new UcpResponse { InteractionHistory = [] });
        }

        var history = await grains.GetGrain<IMergeGrain>(domain).GetInteractionHistoryAsync(objectType!, id, connectId!, http.RequestAborted);
        if (history is null)
        {
            return UcpContext.Fail(http, 404, $"interaction {id} of type {objectType} not found in profile {connectId}", "not_found");
        }

        return UcpContext.Ok(http, new UcpResponse
        {
            InteractionHistory = history.Select(h => new InteractionHistoryView(
                h.Timestamp, h.MergeType, h.ConfidenceFactor, h.RuleId ?? "", h.RuleSetVersion ?? "", h.OperatorId ?? "",
                h.ToMergeProfileId, h.MergeIntoProfileId ?? "")).ToList(),
        });
    }
}
