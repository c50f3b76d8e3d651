using System.Text.Json.Nodes;

namespace Upt.Api.Summaries;

/// <summary>
/// THE seam between profile summaries and data permissions: what of a profile the caller may see, applied to the
/// traveller view before it reaches any <see cref="IProfileSummaryGenerator"/> (UPT sent the unfiltered profile to its
/// model, whoever asked). Null hides the whole profile (the route answers 404).
/// </summary>
public interface ISummaryDataFilter
{
    /// <summary>The part of <paramref name="traveller"/> (which it may take apart) the caller of <paramref name="http"/> may see in <paramref name="domain"/>.</summary>
    ValueTask<JsonObject?> ApplyAsync(HttpContext http, string domain, JsonObject traveller);
}
