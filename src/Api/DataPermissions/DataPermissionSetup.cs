using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Upt.Api.DataPermissions;

/// <summary>Registers what resolves a caller's data access (UPT's second authorisation layer).</summary>
public static class DataPermissionSetup
{
    public static WebApplicationBuilder AddUptDataPermissions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DataPermissionCache>();
        builder.Services.AddSingleton<CallerDataAccess>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
