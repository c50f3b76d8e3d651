using System.Text.Json;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.DataPermissions;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Merging and unmerging profiles of the header's domain: <c>/api/ucp/merge</c>, <c>/api/ucp/unmerge</c>.</summary>
public static class MergeApi
{
    /// <summary>The use case UPT names in the merge's async event.</summary>
    public const string MergeUseCase = AsyncUseCases.MergeProfiles;

    /// <summary>The use case UPT names in the unmerge's async event.</summary>
    public const string UnmergeUseCase = AsyncUseCases.UnmergeProfiles;

    public static IEndpointRouteBuilder MapMergeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp").WithTags("Merges");
        group.MapPost("/merge", MergeAsync).WithName("MergeProfiles")
            .WithSummary("Merge 1–50 profile pairs, or mark them false positive: {\"mergeRq\": [{\"source\", \"target\", \"falsePositive\", \"mergeContext\": {\"mergeType\": rule|ai|manual, ...}}]}")
            .WithDescription("Synchronous: the answer's asyncEvent (usecase mergeProfiles) is already 'success'. The smaller current profile id survives. "
                + "The operator is the token's subject when there is one. 400 for an invalid pair (nothing is merged), 404 when a profile does not exist. "
                + "A pair with falsePositive: true is not merged but marked as two travellers (no mergeContext needed): it leaves the review list and "
                + "fuzzy matching never merges it; marks are made before any merge. "
                + "Needs the data grant */* besides the MergeProfile bit: 400 'only administrator can merge profiles' otherwise.")
            .Accepts<MergeBody>("application/json")
            .RequireUcpPermission(AppPermission.MergeProfile);
        group.MapPost("/unmerge", UnmergeAsync).WithName("UnmergeProfiles")
            .WithSummary("Undo a merge: {\"unmergeRq\": {\"mergedIntoConnectID\", \"toUnmergeConnectID\" | \"interactionToUnmerge\" + \"interactionType\", \"unmergeContext\"}}")
            .WithDescription("Synchronous: the answer's asyncEvent (usecase unmergeProfiles) is already 'success'. With an interaction, the profile taken out is "
                + "the one that interaction was ingested for. 400 when the profile is not merged into mergedIntoConnectID. "
                + "Needs the data grant */* besides the UnmergeProfile bit: 400 'only administrator can unmerge profiles' otherwise.")
            .Accepts<UnmergeBody>("application/json")
            .RequireUcpPermission(AppPermission.UnmergeProfile);
        return app;
    }

    private static async Task<IResult> MergeAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DataAdmin.RequireAsync(http, data, domain, "merge") is { } notAdmin)
        {
            return notAdmin;
        }

        var (body, parseError) = await ReadAsync<MergeBody>(http);
        if (parseError is not null)
        {
            return parseError;
        }

        if (MergeRequestValidation.Validate(body, CallerSubject.Of(http.User), out var merges, out var falsePositives) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missingDomain)
        {
            return missingDomain;
        }

        // Every profile must exist before the first merge, so a typo in the last pair does not leave the first ones merged.
        var ids = merges.SelectMany(m => new[] { m.Source, m.Target }).Concat(falsePositives.SelectMany(f => new[] { f.Source, f.Target }))
            .Distinct(StringComparer.Ordinal).ToList();
        var resolved = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, id)).ResolveAsync().AsTask()));
        if (ids.Zip(resolved).FirstOrDefault(p => p.Second is null).First is { } missing)
        {
            return UcpContext.Fail(http, 404, $"profile {missing} not found", "not_found");
        }

        var current = ids.Zip(resolved).ToDictionary(p => p.First, p => p.Second!, StringComparer.Ordinal);
        if (falsePositives.FirstOrDefault(f => current[f.Source] == current[f.Target]) is { Source: not null } same)
        {
            return UcpContext.Fail(http, 400, $"validation error: profiles {same.Source} and {same.Target} are one profile already: unmerge them to tell them apart");
        }

        // As in UPT, false positives are marked before any merge runs; a mark is what keeps fuzzy matching from merging the pair.
        var pairs = grains.GetGrain<IMatchPairGrain>(domain);
        foreach (var (source, target) in falsePositives)
        {
            if (await pairs.MarkFalsePositiveAsync(source, target, http.RequestAborted) != FalsePositiveOutcome.Marked)
            {
                // A profile merged or deleted since the check above; the marks made so far stand, as merges do below.
                var message = $"profile {source} or {target} changed while marking false positives; nothing was merged";
                return AsyncEvents.Fail(http, 409, message, await AsyncEvents.RecordAsync(grains, MergeUseCase, domain, message, http.RequestAborted), "conflict");
            }
        }

        // One at a time: pairs may share profiles, and each merge follows earlier ones to the current survivors.
        var merger = grains.GetGrain<IMergeGrain>(domain);
        for (var i = 0; i < merges.Count; i++)
        {
            var m = merges[i];
            if (await merger.MergeAsync(m.Source, m.Target, m.Context, http.RequestAborted) is null)
            {
                // Some pairs are merged already: the event records the partial outcome for whoever polls it.
                var message = $"profile {m.Source} or {m.Target} no longer exists; the first {i} of {merges.Count} pairs were merged";
                return AsyncEvents.Fail(http, 404, message, await AsyncEvents.RecordAsync(grains, MergeUseCase, domain, message, http.RequestAborted), "not_found");
            }
        }

        return UcpContext.Ok(http, new UcpResponse { AsyncEvent = await AsyncEvents.RecordAsync(grains, MergeUseCase, domain, cancellationToken: http.RequestAborted) });
    }

    private static async Task<IResult> UnmergeAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DataAdmin.RequireAsync(http, data, domain, "unmerge") is { } notAdmin)
        {
            return notAdmin;
        }

        var (body, parseError) = await ReadAsync<UnmergeBody>(http);
        if (parseError is not null)
        {
            return parseError;
        }

        var rq = body?.UnmergeRq;
        if (UnmergeRequestValidation.Validate(rq) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missingDomain)
        {
            return missingDomain;
        }

        var merger = grains.GetGrain<IMergeGrain>(domain);
        var mergedInto = rq!.MergedIntoConnectId!;
        var toUnmerge = rq.ToUnmergeConnectId;
        if (string.IsNullOrEmpty(toUnmerge))
        {
            // The interaction's first history entry names the profile it was ingested for: UPT's rule for what to take out.
            var history = await merger.GetInteractionHistoryAsync(rq.InteractionType!, rq.InteractionToUnmerge!, mergedInto, http.RequestAborted);
            if (history is null || history.Count == 0)
            {
                return UcpContext.Fail(http, 404, $"interaction {rq.InteractionToUnmerge} of type {rq.InteractionType} not found in profile {mergedInto}", "not_found");
            }

            toUnmerge = history[0].ToMergeProfileId;
        }

        var operatorId = CallerSubject.Of(http.User) ?? (string.IsNullOrEmpty(rq.UnmergeContext?.OperatorId) ? null : rq.UnmergeContext.OperatorId);
        var outcome = await merger.UnmergeAsync(toUnmerge, mergedInto, operatorId, http.RequestAborted);
        var done = await AsyncEvents.RecordAsync(grains, UnmergeUseCase, domain, outcome.Succeeded ? null : outcome.Message, http.RequestAborted);
        return outcome.Succeeded
            ? UcpContext.Ok(http, new UcpResponse { AsyncEvent = done })
            : AsyncEvents.Fail(http, 400, outcome.Message, done);
    }

    private static async Task<(T? Body, IResult? Failure)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            // Web defaults: property names match case-insensitively, as UPT's Go decoder does.
            return (await JsonSerializer.DeserializeAsync<T>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            return (null, UcpContext.Fail(http, 400, $"validation error: request body is not valid JSON of the expected shape ({ex.Message})"));
        }
    }
}
