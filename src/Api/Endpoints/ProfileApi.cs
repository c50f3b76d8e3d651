using System.Text.Json.Nodes;
using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.DataPermissions;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.DataPermissions;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Profiles: search, the 360 view and delete, <c>/api/ucp/profile</c>.</summary>
public static class ProfileApi
{
    private const int MaxSearchResults = 1000;
    private const int MaxWindow = 100_000;

    // A record type the caller sees only under a condition is read whole (newest first, up to this many) and filtered
    // before paging, so pages and total_records count only records the caller may see.
    private const int FilteredScan = 10_000;

    // Match pairs: the portal's page (UPT: 10), the largest page, and how many pairs a conditional grant scans.
    private const int DefaultMatchPageSize = 10;
    private const int MaxMatchPageSize = 1000;
    private const int FilteredMatchScan = 1000;

    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/profile").WithTags("Profiles");
        group.MapGet("", SearchAsync).WithName("SearchProfiles")
            .WithSummary("Search profiles by travellerId (exact, wins over the rest), or by any AND-combination of email, phone and lastName; "
                + "matches=true (page, pageSize: default 0, 10) also lists the domain's match pairs awaiting review, best score first")
            .WithDescription("Profiles and fields are filtered by the caller's data permission: a profile its traveller grant does not show is left out. "
                + "A match pair is listed only when that grant shows both profiles; its names and diff entries only where it shows the field. "
                + "totalMatchPairs counts the pairs the caller may see.")
            .RequireUcpPermission(AppPermission.SearchProfile);
        group.MapGet("/{id}", GetAsync).WithName("GetProfile")
            .WithSummary("The 360 view of a profile, objects paginated per type (objects=a,b&pages=0,1&pageSizes=10,10)")
            .WithDescription("Filtered by the caller's data permission: 404 when its traveller grant does not show the profile; record lists and "
                + "paginationMetadata only for the record types it may see, pages and total_records counting only the records it may see. "
                + "matches[] lists the profile's match candidates awaiting review (those the grant shows, with the fields it shows); "
                + "candidates merged away or deleted meanwhile are dropped and their pairs deleted.")
            .RequireUcpPermission(AppPermission.SearchProfile);
        // As in UPT: the DeleteProfile bit, and the full data grant */* (checked in the handler: 400 otherwise).
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteProfile")
            .WithSummary("Delete a profile (an id that was merged away deletes its survivor) with its objects; 200 also when it did not exist")
            .WithDescription("Needs the data grant */* besides the DeleteProfile bit: 400 'only administrator can delete profiles' otherwise.")
            .RequireUcpPermission(AppPermission.DeleteProfile);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data, string? travellerId, string? email, string? phone, string? lastName, string? matches, string? page, string? pageSize)
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

        var wantMatches = false;
        if (!string.IsNullOrEmpty(matches) && !bool.TryParse(matches, out wantMatches))
        {
            return UcpContext.Fail(http, 400, "validation error: matches must be true or false");
        }

        var matchPage = ParseInt(page, 0);
        var matchPageSize = ParseInt(pageSize, DefaultMatchPageSize);
        if (wantMatches && (matchPage is null || matchPageSize is null || matchPage < 0 || matchPageSize is < 1 or > MaxMatchPageSize
            || (long)(matchPage + 1) * matchPageSize > MaxWindow))
        {
            return UcpContext.Fail(http, 400, $"validation error: invalid page/pageSize for match pairs (page >= 0, 1 <= pageSize <= {MaxMatchPageSize}, (page+1)*pageSize <= {MaxWindow})");
        }

        var criteria = new[] { (IdentifierKinds.Email, email), (IdentifierKinds.Phone, phone), (IdentifierKinds.LastName, lastName) }
            .Where(c => !string.IsNullOrEmpty(c.Item2)).ToList();
        var searches = !string.IsNullOrEmpty(travellerId) || criteria.Count > 0;
        if (!searches && !wantMatches)
        {
            return UcpContext.Fail(http, 400, "validation error: at least one of travellerId, email, phone, lastName is required, or matches=true");
        }

        // No traveller grant: no profile to show, so nothing is looked up.
        var access = await data.ForAsync(http, domain);
        IReadOnlyList<string> ids;
        if (!searches || !access.CanSee(DataObjects.Traveller))
        {
            ids = [];
        }
        else if (!string.IsNullOrEmpty(travellerId))
        {
            ids = await grains.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, travellerId)).FindProfilesAsync();
        }
        else
        {
            var sets = await Task.WhenAll(criteria.Select(c =>
                grains.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, c.Item1, c.Item2!)).FindProfilesAsync().AsTask()));
            ids = sets.Skip(1).Aggregate((IEnumerable<string>)sets[0], (acc, s) => acc.Intersect(s)).Order(StringComparer.Ordinal).Take(MaxSearchResults).ToList();
        }

        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, id)).GetAsync(ProfileQuery.FieldsOnly).AsTask()));
        var profiles = views.OfType<ProfileView>().Select(v => ProfileDataFilter.Apply(access, TravellerMapper.ToTraveller(v))).OfType<JsonObject>().ToList();
        if (!wantMatches)
        {
            return UcpContext.Ok(http, new UcpResponse { Profiles = profiles });
        }

        var (pairs, total) = await MatchPairsAsync(grains, access, domain, matchPage!.Value, matchPageSize!.Value, http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { Profiles = profiles, MatchPairs = pairs, TotalMatchPairs = total });
    }

    // UPT listed every domain's pairs (a global index); these are the header domain's, filtered like its profiles. A
    // caller whose traveller grant has a condition sees only some pairs: they are read whole (up to a bound) and paged
    // after filtering, so pages and the total count only pairs it may see.
    private static async Task<(IReadOnlyList<MatchPairView> Pairs, long Total)> MatchPairsAsync(
        IGrainFactory grains, DataAccess access, string domain, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!access.CanSee(DataObjects.Traveller))
        {
            return ([], 0);
        }

        var reader = grains.GetGrain<IMatchPairGrain>(domain);
        if (!access.RestrictsRows(DataObjects.Traveller))
        {
            var list = await reader.ListAsync(page, pageSize, cancellationToken);
            return (list.Pairs.Select(p => MatchPairDataFilter.Apply(access, p)).OfType<MatchPairView>().ToList(), list.Total);
        }

        var all = (await reader.ListAsync(0, FilteredMatchScan, cancellationToken)).Pairs
            .Select(p => MatchPairDataFilter.Apply(access, p)).OfType<MatchPairView>().ToList();
        return (all.Skip(page * pageSize).Take(pageSize).ToList(), all.Count);
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data, string id, string? objects, string? pages, string? pageSizes)
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

        // A profile the caller may not see is not found, before any read: nothing tells it apart from a missing one.
        var access = await data.ForAsync(http, domain);
        if (!access.CanSee(DataObjects.Traveller))
        {
            return NotFound(http, id);
        }

        // Pages per type may differ; query each distinct (page, size) once. Types the caller may not see are not read.
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

            if (access.CanSee(allTypes[i]))
            {
                requests.Add((allTypes[i], page.Value, size.Value));
            }
        }

        var filtered = requests.Where(r => access.RestrictsRows(r.Type)).DistinctBy(r => r.Type).ToDictionary(r => r.Type, StringComparer.Ordinal);
        var profile = grains.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, id));
        var reads = requests.Select(r => filtered.ContainsKey(r.Type) ? r with { Page = 0, Size = FilteredScan } : r).ToList();
        var parts = reads.Count == 0
            ? [await profile.GetAsync(ProfileQuery.FieldsOnly)]
            : await Task.WhenAll(reads.GroupBy(r => (r.Page, r.Size)).Select(g =>
                profile.GetAsync(new ProfileQuery(g.Select(r => r.Type).ToList(), g.Key.Page, g.Key.Size)).AsTask()));
        if (parts.Any(p => p is null))
        {
            return NotFound(http, id);
        }

        var merged = parts[0]! with { Objects = parts.SelectMany(p => p!.Objects).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal) };
        if (ProfileDataFilter.Apply(access, TravellerMapper.ToTraveller(merged)) is not { } traveller)
        {
            return NotFound(http, id);
        }

        var metadata = merged.Objects.ToDictionary(o => TravellerMapper.RecordLists[o.Key], o => new PaginationMetadata(
            filtered.TryGetValue(o.Key, out var r) ? ProfileDataFilter.Page(traveller, TravellerMapper.RecordLists[o.Key], r.Page, r.Size) : o.Value.Total),
            StringComparer.Ordinal);
        var candidates = (await grains.GetGrain<IMatchPairGrain>(domain).ForProfileAsync(merged.ProfileId, http.RequestAborted))
            .Select(p => MatchPairDataFilter.Candidate(access, p)).OfType<MatchCandidateView>().ToList();
        return UcpContext.Ok(http, new UcpResponse { Profiles = [traveller], PaginationMetadata = metadata, Matches = candidates });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data, string id)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DataAdmin.RequireAsync(http, data, domain, "delete") is { } notAdmin)
        {
            return notAdmin;
        }

        if (UcpValidation.ProfileIdError("id", id) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        // A missing profile is a no-op, as in UPT (a repeated delete succeeds).
        await grains.GetGrain<IMergeGrain>(domain).DeleteProfileAsync(id, CallerSubject.Of(http.User), http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse());
    }

    private static IResult NotFound(HttpContext http, string id) => UcpContext.Fail(http, 404, $"profile {id} not found", "not_found");

    private static List<string>? Split(string? csv) =>
        string.IsNullOrEmpty(csv) ? null : csv.Split(',', StringSplitOptions.TrimEntries).ToList();

    private static int? ParseInt(string? value, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback : int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
