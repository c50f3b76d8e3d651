using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Upt.Grains.Jobs;

namespace Upt.Grains.Privacy;

/// <summary>Registers GDPR privacy searches and purges in the silo.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the jobs of <see cref="AsyncUseCases.CreatePrivacySearch"/> and <see cref="AsyncUseCases.PurgeProfileData"/>
    /// and what they search with; the raw backup is searched when <c>Backup:Target</c> is set.
    /// </summary>
    public static IServiceCollection AddUptPrivacy(this IServiceCollection services)
    {
        services.TryAddSingleton<RawBackupArchive>();
        services.TryAddSingleton<SubjectLocator>();
        services.TryAddSingleton<SubjectPurger>();
        services.AddAsyncJob<PrivacySearchJob>(AsyncUseCases.CreatePrivacySearch);
        services.AddAsyncJob<PrivacyPurgeJob>(AsyncUseCases.PurgeProfileData);
        return services;
    }
}
