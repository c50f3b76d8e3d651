using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Profiles: search, the 360 view and delete, <c>/api/ucp/profile</c>.</summary>
public static class ProfileApi
{
    private const int MaxSearchResults = 1000;
    private const int MaxWindow = 100_000;

    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/profile").WithTags("Profiles");
        group.MapGet("", SearchAsync).WithName("SearchProfiles")
            .WithSummary("Search profiles by travellerId (exact, wins over the rest), or by any AND-combination of email, phone and lastName")
            .RequireUcpPermission(AppPermission.SearchProfile);
        group.MapGet("/{id}", GetAsync).WithName("GetProfile")
            .WithSummary("The 360 view of a profile, objects paginated per type (objects=a,b&pages=0,1&pageSizes=10,10)")
            .RequireUcpPermission(AppPermission.SearchProfile);
        // UPT also requires the full data grant (*/*) to delete; Upt has no data permissions yet, so only a caller with
        // every bit (an admin group of the domain or a global one) may delete.
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteProfile")
            .WithSummary("Delete a profile (an id that was merged away deletes its survivor) with its objects; 200 also when it did not exist")
            .RequireUcpPermission(AppPermission.Admin);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, IGrainFactory grains, string? travellerId, string? email, string? phone, string? lastName)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        foreach (var (name, value) in new[] { ("travellerId", travellerId), ("email", email), ("phone", phone), ("lastName", lastName) })
        {
            if (UcpValidation.ValueError(name, value) is { } error)
            {
                return UcpContext.Fail(http, 400, $"validation error: {error}");
            }
        }

        IReadOnlyList<string> ids;
        if (!string.IsNullOrEmpty(travellerId))
        {
            ids = await grains.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, travellerId)).FindProfilesAsync();
        }
        else
        {
            var criteria = new[] { (IdentifierKinds.Email, email), (IdentifierKinds.Phone, phone), (IdentifierKinds.LastName, lastName) }
                .Where(c => !string.IsNullOrEmpty(c.Item2)).ToList();
            if (criteria.Count == 0)
            {
                return UcpContext.Fail(http, 400, "validation error: at least one of travellerId, email, phone, lastName is required");
            }

            var sets = await Task.WhenAll(criteria.Select(c =>
                grains.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, c.Item1, c.Item2!)).FindProfilesAsync().AsTask()));
            ids = sets.Skip(1).Aggregate((IEnumerable<string>)sets[0], (acc, s) => acc.Intersect(s)).Order(StringComparer.Ordinal).Take(MaxSearchResults).ToList();
        }

        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, id)).GetAsync(ProfileQuery.FieldsOnly).AsTask()));
        return UcpContext.Ok(http, new UcpResponse { Profiles = views.OfType<ProfileView>().Select(TravellerMapper.ToTraveller).ToList() });
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, string id, string? objects, string? pages, string? pageSizes)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (UcpValidation.ValueError("id", id) is { } idError)
        {
            return UcpContext.Fail(http, 400, $"validation error: {idError}");
        }

        var types = Split(objects);
        var pageList = Split(pages);
        var sizeList = Split(pageSizes);
        if (types is not null && ((pageList is not null && pageList.Count != types.Count) || (sizeList is not null && sizeList.Count != types.Count)))
        {
            return UcpContext.Fail(http, 400, "validation error: objects, pages and pageSizes must have the same number of entries");
        }

        if (types?.FirstOrDefault(t => !TravellerMapper.RecordLists.ContainsKey(t)) is { } unknown)
        {
            return UcpContext.Fail(http, 400, $"validation error: unknown object type {unknown}");
        }

        // Pages per type may differ; query each distinct (page, size) once.
        var requests = new List<(string Type, int Page, int Size)>();
        var allTypes = types ?? TravellerMapper.RecordLists.Keys.ToList();
        for (var i = 0; i < allTypes.Count; i++)
        {
            var page = ParseInt(pageList?[i] ?? http.Request.Query["page"].FirstOrDefault(), 0);
            var size = ParseInt(sizeList?[i] ?? http.Request.Query["pageSize"].FirstOrDefault(), 20);
            if (page is null || size is null || page < 0 || size < 1 || (long)(page + 1) * size > MaxWindow)
            {
                return UcpContext.Fail(http, 400, $"validation error: invalid page/pageSize for {allTypes[i]} (page >= 0, pageSize >= 1, (page+1)*pageSize <= {MaxWindow})");
            }

            requests.Add((allTypes[i], page.Value, size.Value));
        }

        var profile = grains.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, id));
        var parts = await Task.WhenAll(requests.GroupBy(r => (r.Page, r.Size)).Select(g =>
            profile.GetAsync(new ProfileQuery(g.Select(r => r.Type).ToList(), g.Key.Page, g.Key.Size)).AsTask()));
        if (parts.Any(p => p is null))
        {
            return UcpContext.Fail(http, 404, $"profile {id} not found", "not_found");
        }

        var merged = parts[0]! with { Objects = parts.SelectMany(p => p!.Objects).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal) };
        var metadata = merged.Objects.ToDictionary(o => TravellerMapper.RecordLists[o.Key], o => new PaginationMetadata(o.Value.Total), StringComparer.Ordinal);
        return UcpContext.Ok(http, new UcpResponse { Profiles = [TravellerMapper.ToTraveller(merged)], PaginationMetadata = metadata });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IGrainFactory grains, string id)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (UcpValidation.ProfileIdError("id", id) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        // A missing profile is a no-op, as in UPT (a repeated delete succeeds).
        await grains.GetGrain<IMergeGrain>(domain).DeleteProfileAsync(id, CallerSubject.Of(http.User), http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse());
    }

    private static List<string>? Split(string? csv) =>
        string.IsNullOrEmpty(csv) ? null : csv.Split(',', StringSplitOptions.TrimEntries).ToList();

    private static int? ParseInt(string? value, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback : int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
