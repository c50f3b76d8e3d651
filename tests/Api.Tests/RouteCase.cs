using Upt.Api.Auth;

namespace Upt.Api.Tests;

/// <summary>
/// One route of the API with the permission it requires and how to build a request for it that succeeds for a
/// caller who has that permission (the target: the domain whose groups count, created beforehand when it must exist).
/// <see cref="Prepare"/>, when set, runs before each request (e.g. an activation needs a draft to activate).
/// <see cref="Allowed"/> is the status a permitted caller gets: 200, or 400 for UPT routes Upt answers with a refusal.
/// </summary>
public sealed record RouteCase(string Name, AppPermission Permission, PermissionScope Scope, Func<AuthClusterFixture, string, HttpRequestMessage> Build,
    Func<AuthClusterFixture, string, Task>? Prepare = null, int Allowed = 200)
{
    /// <summary>Every route of src/Api/Endpoints, with UPT's bit (upt-surface §1.2, §2.2).</summary>
    public static IReadOnlyDictionary<string, RouteCase> All { get; } = new[]
    {
        new RouteCase("ListDomains", AppPermission.Public, PermissionScope.Global,
            (f, _) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/admin", null)),
        new RouteCase("CreateDomain", AppPermission.CreateDomain, PermissionScope.Global,
            (f, _) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/admin", null, ApiRequests.CreateDomainBody(ApiRequests.NewDomainName("cr")))),
        new RouteCase("GetDomain", AppPermission.Public, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/admin/{d}", d)),
        new RouteCase("DeleteDomain", AppPermission.DeleteDomain, PermissionScope.DomainInPath,
            (f, d) => ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/admin/{d}", null)),
        new RouteCase("SearchProfiles", AppPermission.SearchProfile, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile?travellerId={Uri.EscapeDataString(f.TravellerId)}", d)),
        new RouteCase("GetProfile", AppPermission.SearchProfile, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{f.ConnectId}", d)),
        new RouteCase("ListErrors", AppPermission.Public, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/error", d)),
        new RouteCase("ListJobs", AppPermission.Public, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/jobs", d)),
        // Each call starts another object type's job (over an empty folder), so no call finds one still running.
        new RouteCase("StartJob", AppPermission.RunGlueJobs, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/jobs", d, new System.Text.Json.Nodes.JsonObject
            {
                ["startJobRq"] = new System.Text.Json.Nodes.JsonObject { ["jobName"] = f.NextJobName(), ["source"] = f.BatchFolder },
            })),
        new RouteCase("ListRuleSet", AppPermission.ListRuleSet, PermissionScope.DomainHeader,
            (f, d) => RuleSetRequests.List(d, history: true)),
        new RouteCase("SaveRuleSet", AppPermission.SaveRuleSet, PermissionScope.DomainHeader,
            (f, d) => RuleSetRequests.Save(d, RuleSetRequests.SaveBody("by_last_name"))),
        new RouteCase("ActivateRuleSet", AppPermission.ActivateRuleSet, PermissionScope.DomainHeader,
            (f, d) => RuleSetRequests.Activate(d), RuleSetRequests.SaveDraftAsync),
        // A missing profile: deleting it is a no-op that succeeds, as in UPT (the data grant */* is needed too).
        new RouteCase("DeleteProfile", AppPermission.DeleteProfile, PermissionScope.DomainHeader,
            (f, d) => MergeRequests.Delete(d, Guid.NewGuid().ToString())),
        // A profile with itself: one profile already, so a merge that succeeds and changes nothing.
        new RouteCase("MergeProfiles", AppPermission.MergeProfile, PermissionScope.DomainHeader,
            (f, d) => MergeRequests.Merge(d, MergeRequests.Pair(f.ConnectId, f.ConnectId))),
        // Ids of no profile: they are dropped and listed, nothing changes.
        new RouteCase("ImportMatches", AppPermission.MergeProfile, PermissionScope.DomainHeader,
            (f, d) =>
            {
                var request = ApiRequests.Request(HttpMethod.Post, "/api/ucp/matches/import", d);
                request.Content = new StringContent($"{Guid.NewGuid():N},7,0.5\n{Guid.NewGuid():N},7,0.5\n", System.Text.Encoding.UTF8, "text/csv");
                return request;
            }),
        // Each call unmerges a pair the rules have just merged.
        new RouteCase("UnmergeProfiles", AppPermission.UnmergeProfile, PermissionScope.DomainHeader,
            (f, d) => MergeRequests.Unmerge(d, f.PairToUnmerge.Survivor, interaction: f.PairToUnmerge.Traveller, interactionType: "guest_profile"),
            (f, d) => f.PrepareMergedPairAsync(d)),
        new RouteCase("GetInteractionHistory", AppPermission.Public, PermissionScope.DomainHeader,
            (f, d) => MergeRequests.History(d, f.TravellerId, "pax_profile", f.ConnectId)),
        new RouteCase("GetPortalConfig", AppPermission.Public, PermissionScope.DomainHeader,
            (f, d) => SettingsRequests.GetPortal(d)),
        new RouteCase("SavePortalConfig", AppPermission.SaveHyperlink, PermissionScope.DomainHeader,
            (f, d) => SettingsRequests.SavePortal(d, SettingsRequests.BookingLink)),
        new RouteCase("GetPromptConfig", AppPermission.Public, PermissionScope.DomainHeader,
            (f, d) => SettingsRequests.GetSettings(d)),
        // UPT's default threshold, so the shared domain's fuzzy matching stays as it was.
        new RouteCase("SavePromptConfig", AppPermission.ConfigureGenAi, PermissionScope.DomainHeader,
            (f, d) => SettingsRequests.SaveSettings(d, "Summarise the traveller for a service agent.", true, 0.99, true)),
        // UPT: Public; Upt: SearchProfile, like every other read of profile data. Summaries must be on.
        new RouteCase("GetProfileSummary", AppPermission.SearchProfile, PermissionScope.DomainHeader,
            (f, d) => SettingsRequests.Summary(d, f.ConnectId), SettingsRequests.EnableSummariesAsync),
        // An id of no record: deleting it is a no-op that succeeds, as in UPT.
        new RouteCase("DeleteError", AppPermission.ClearAllErrors, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/error/error_{Guid.NewGuid():N}", d)),
        new RouteCase("DeleteAllErrors", AppPermission.ClearAllErrors, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Delete, "/api/ucp/error/*", d)),
        // A record stored just before, whose raw record is no envelope: the retry fails, is counted, and changes nothing else.
        new RouteCase("RetryError", AppPermission.ClearAllErrors, PermissionScope.DomainHeader,
            (f, d) => ApiRequests.Request(HttpMethod.Post, $"/api/ucp/error/{ErrorRecords.LastId}/retry", d), ErrorRecords.PrepareAsync),
        // An event a merge just recorded.
        new RouteCase("GetAsyncStatus", AppPermission.Public, PermissionScope.DomainHeader,
            (f, d) => Privacy.PrivacyRequests.Async(Privacy.RouteCaseEvents.LastEventId, "mergeProfiles"), Privacy.RouteCaseEvents.PrepareEventAsync),
        new RouteCase("ListPrivacySearches", AppPermission.ListPrivacySearch, PermissionScope.DomainHeader,
            (f, d) => Privacy.PrivacyRequests.List(d)),
        new RouteCase("GetPrivacySearch", AppPermission.GetPrivacySearch, PermissionScope.DomainHeader,
            (f, d) => Privacy.PrivacyRequests.Get(d, f.ConnectId), Privacy.RouteCaseEvents.PrepareSearchAsync),
        new RouteCase("CreatePrivacySearch", AppPermission.CreatePrivacySearch, PermissionScope.DomainHeader,
            (f, d) => Privacy.PrivacyRequests.Search(d, f.ConnectId)),
        new RouteCase("DeletePrivacySearch", AppPermission.DeletePrivacySearch, PermissionScope.DomainHeader,
            (f, d) => Privacy.PrivacyRequests.Delete(d, Guid.NewGuid().ToString())),
        // A connect id of no profile: the purge finds nothing and succeeds (the fixture's one profile must stay).
        new RouteCase("PurgePrivacyData", AppPermission.PrivacyDataPurge, PermissionScope.DomainHeader,
            (f, d) => Privacy.PrivacyRequests.Purge(d, Guid.NewGuid().ToString())),
        new RouteCase("GetPurgeStatus", AppPermission.PrivacyDataPurge, PermissionScope.DomainHeader,
            (f, d) => Privacy.PrivacyRequests.PurgeStatus(d)),
        new RouteCase("ListDataPermissions", AppPermission.Admin, PermissionScope.DomainHeader,
            (f, d) => DataPermissionRequests.List(d)),
        new RouteCase("SaveDataPermission", AppPermission.Admin, PermissionScope.DomainHeader,
            (f, d) => DataPermissionRequests.Save(d, $"ucp-{d}-admin-routecase", "traveller/firstName")),
        // Each call removes a grant saved just before.
        new RouteCase("DeleteDataPermission", AppPermission.Admin, PermissionScope.DomainHeader,
            (f, d) => DataPermissionRequests.Delete(d, $"ucp-{d}-admin-routecase-del"),
            (f, d) => DataPermissionRequests.SaveAsync(f, d, $"ucp-{d}-admin-routecase-del", "traveller/firstName")),
        // UPT: Public. Upt: CreateDomain on the domain in the path; nothing to refresh, so 200 when it exists.
        new RouteCase("RefreshDomain", AppPermission.CreateDomain, PermissionScope.DomainInPath,
            (f, d) => ApiRequests.Request(HttpMethod.Put, $"/api/ucp/admin/{d}", null)),
        new RouteCase("ListConnectors", AppPermission.Public, PermissionScope.Global,
            (f, _) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/connector", null)),
        // Permitted callers get the refusal: Upt has no industry connector, nor AppFlow, nor caches.
        new RouteCase("LinkConnector", AppPermission.IndustryConnector, PermissionScope.Global,
            (f, d) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/connector/link", null, new System.Text.Json.Nodes.JsonObject
            {
                ["linkIndustryConnectorRq"] = new System.Text.Json.Nodes.JsonObject { ["domainName"] = d, ["removeLink"] = false },
            }), Allowed: 400),
        new RouteCase("StartFlows", AppPermission.Public, PermissionScope.Global,
            (f, _) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/flows", null, new System.Text.Json.Nodes.JsonObject()), Allowed: 400),
        new RouteCase("RebuildCache", AppPermission.RebuildCache, PermissionScope.DomainHeader,
            (f, d) => CacheRuleSetRequests.Rebuild(d, "3"), Allowed: 400),
        new RouteCase("ListCacheRuleSet", AppPermission.ListRuleSet, PermissionScope.DomainHeader,
            (f, d) => CacheRuleSetRequests.List(d, history: true)),
        new RouteCase("SaveCacheRuleSet", AppPermission.SaveRuleSet, PermissionScope.DomainHeader,
            (f, d) => CacheRuleSetRequests.Save(d, CacheRuleSetRequests.SkipBody("test"))),
        new RouteCase("ActivateCacheRuleSet", AppPermission.ActivateRuleSet, PermissionScope.DomainHeader,
            (f, d) => CacheRuleSetRequests.Activate(d), CacheRuleSetRequests.SaveDraftAsync),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => new(All.Keys);

    public static TheoryData<string> Guarded => new(All.Values.Where(r => r.Permission != AppPermission.Public).Select(r => r.Name));

    public static TheoryData<string> DomainScoped => new(All.Values.Where(r => r.Scope != PermissionScope.Global && r.Permission != AppPermission.Public).Select(r => r.Name));

    /// <summary>The hex mask of a group granting exactly <paramref name="permission"/>.</summary>
    public static string Hex(AppPermission permission) => ((uint)permission).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
