using Microsoft.Extensions.DependencyInjection.Extensions;
using Upt.Api.Summaries;

namespace Upt.Api.DataPermissions;

/// <summary>Registers what resolves a caller's data access (UPT's second authorisation layer).</summary>
public static class DataPermissionSetup
{
    public static WebApplicationBuilder AddUptDataPermissions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DataPermissionCache>();
        builder.Services.AddSingleton<CallerDataAccess>();
        // Added, not tried: the last registration wins, whichever of this and AddUptProfileSummaries runs first.
        builder.Services.AddSingleton<ISummaryDataFilter, PermissionSummaryDataFilter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
