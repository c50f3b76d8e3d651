using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.DataPermissions;
using Upt.Api.Hosting;
using Upt.Grains;
using Upt.Matching.Import;

namespace Upt.Api.Endpoints;

/// <summary>
/// <c>POST /api/ucp/matches/import</c> (a Upt route): third-party matches as CSV, in either of UPT's formats (a Customer
/// Profiles matching export, or <c>profileId,groupId,score</c> rows). UPT took them from an S3 upload event; Upt takes
/// the file's body. Groups at or above the domain's auto-merge threshold are merged, the others stored for review.
/// </summary>
public static class MatchImportApi
{
    /// <summary>The largest file accepted in one request.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMatchImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ucp/matches/import", ImportAsync).WithTags("Merges").WithName("ImportMatches")
            .WithSummary("Import third-party matches (CSV body: a matching export, or profileId,groupId,score rows)")
            .WithDescription("Ids are profile ids or traveller ids; ids of no profile are dropped and listed. Groups scoring at or above the "
                + "domain's auto-merge threshold are merged (type ai, factor = score), others are stored as review pairs. Bad rows are listed with their line; the rest is imported. "
                + "It merges profiles, so it needs the data grant */* besides the MergeProfile bit: 400 'only administrator can merge profiles' otherwise.")
            .Accepts<string>("text/csv")
            .RequireUcpPermission(AppPermission.MergeProfile);
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DataAdmin.RequireAsync(http, data, domain, "merge") is { } notAdmin)
        {
            return notAdmin;
        }

        if (http.Request.ContentLength is > MaxBytes)
        {
            return UcpContext.Fail(http, 413, $"validation error: the file is larger than {MaxBytes} bytes");
        }

        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (text.Length > MaxBytes)
        {
            return UcpContext.Fail(http, 413, $"validation error: the file is larger than {MaxBytes} bytes");
        }

        var file = MatchCsvReader.Read(new StringReader(text));
        if (file.Groups.Count == 0)
        {
            var why = file.Issues.Count == 0 ? "no match groups in the file" : string.Join("; ", file.Issues.Take(5).Select(i => $"line {i.Line}: {i.Message}"));
            return UcpContext.Fail(http, 400, $"validation error: {why}");
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        var result = await grains.GetGrain<IFuzzyMatchGrain>(domain).ImportAsync(
            file.Groups.Select(g => new ImportedMatchGroup(g.GroupId, g.ProfileIds, g.Score)).ToList(), http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse
        {
            MatchImport = new MatchImportView(result.Groups, result.Pairs, result.Merged, result.Stored, result.Unresolved,
                file.Issues.Select(i => new MatchImportIssue(i.Line, i.Message)).ToList()),
        });
    }
}
