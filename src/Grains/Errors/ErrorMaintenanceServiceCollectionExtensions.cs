using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Upt.Grains.Errors;

/// <summary>Registers retention and retries of error records in the silo.</summary>
public static class ErrorMaintenanceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ErrorRetryOptions"/> (section <c>Errors</c>, validated at start-up), the default re-submission
    /// through the ingest pipeline, and the start-up step that registers the maintenance reminder (the silo needs a
    /// reminder service). Register it after the silo (UseOrleans), so the reminder is registered once the silo runs.
    /// </summary>
    public static IServiceCollection AddUptErrorMaintenance(this IServiceCollection services)
    {
        services.AddOptions<ErrorRetryOptions>().BindConfiguration(ErrorRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ErrorRetryOptions>, ErrorRetryOptionsValidator>());
        services.TryAddSingleton<IErrorResubmitter, IngestResubmitter>();
        services.AddHostedService<ErrorMaintenanceStartup>();
        return services;
    }
}
