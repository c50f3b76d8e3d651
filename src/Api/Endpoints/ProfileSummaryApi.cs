using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Summaries;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>A profile's narrative summary: <c>GET /api/ucp/profile/summary/{id}</c>.</summary>
public static class ProfileSummaryApi
{
    /// <summary>Latest records per type a summary reads (UPT: 100).</summary>
    public const int RecordsPerType = 100;

    /// <summary>Latest clickstream events a summary reads (UPT: 500).</summary>
    public const int ClickstreamEvents = 500;

    private const string Clickstream = "clickstream";

    public static IEndpointRouteBuilder MapProfileSummaryApi(this IEndpointRouteBuilder app)
    {
        // UPT made this Public and summarised the unfiltered profile; reading a profile needs SearchProfile anywhere else.
        app.MapGroup("/api/ucp/profile").WithTags("Profiles")
            .MapGet("/summary/{id}", GetAsync).WithName("GetProfileSummary")
            .WithSummary("A narrative summary of a profile (a merged-away id: its survivor's), from what the caller may see of it")
            .WithDescription("Only when the domain's promptConfig is active (400 otherwise). Written from the latest 100 records per type and 500 "
                + "clickstream events, by the configured generator (Summaries:Generator: Narrative, the default, needs no external service).")
            .RequireUcpPermission(AppPermission.SearchProfile);
        return app;
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, IGrainFactory grains, ISummaryDataFilter dataFilter, IProfileSummaryGenerator generator, ILoggerFactory loggers, string id)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (UcpValidation.ProfileIdError("id", id) is { } idError)
        {
            return UcpContext.Fail(http, 400, $"validation error: {idError}");
        }

        var config = await grains.GetGrain<IDomainGrain>(domain).GetPromptAndMatchConfigAsync(http.RequestAborted);
        if (config is null)
        {
            return UcpContext.Fail(http, 404, $"domain {domain} not found", "not_found");
        }

        if (!config.Prompt.IsActive)
        {
            return UcpContext.Fail(http, 400, $"validation error: profile summaries are off for domain {domain} (promptConfig.isActive is false)");
        }

        // The profile grain forwards a merged-away id to its survivor, as GET /api/ucp/profile/{id} does.
        var profile = grains.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, id));
        var others = TravellerMapper.RecordLists.Keys.Where(t => t != Clickstream).ToList();
        var parts = await Task.WhenAll(
            profile.GetAsync(new ProfileQuery(others, 0, RecordsPerType), http.RequestAborted).AsTask(),
            profile.GetAsync(new ProfileQuery([Clickstream], 0, ClickstreamEvents), http.RequestAborted).AsTask());
        if (parts[0] is not { } view || parts[1] is not { } clicks)
        {
            return UcpContext.Fail(http, 404, $"profile {id} not found", "not_found");
        }

        var merged = view with { Objects = view.Objects.Concat(clicks.Objects).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal) };
        // Data permissions apply here, before any generator sees the profile.
        if (await dataFilter.ApplyAsync(http, domain, TravellerMapper.ToTraveller(merged)) is not { } visible)
        {
            return UcpContext.Fail(http, 404, $"profile {id} not found", "not_found");
        }

        try
        {
            var summary = await generator.GenerateAsync(new ProfileSummaryRequest(domain, merged.ProfileId, visible, config.Prompt.Value), http.RequestAborted);
            return UcpContext.Ok(http, new UcpResponse { ProfileSummary = summary });
        }
        catch (SummaryGenerationException ex)
        {
            ProfileSummaryLog.GenerationFailed(loggers.CreateLogger(typeof(ProfileSummaryApi)), ex.Message);
            return UcpContext.Fail(http, 502, "profile summary generation failed", "execution_error");
        }
    }
}
