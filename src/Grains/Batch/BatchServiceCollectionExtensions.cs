using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upt.Batch.Sources;
using Upt.S3;

namespace Upt.Grains.Batch;

/// <summary>Registers what batch job grains need in the silo.</summary>
public static class BatchServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BatchOptions"/> (section <c>Batch</c>) and the S3 client of bucket sources (section <c>Batch:S3</c>:
    /// ServiceUrl, Region, ForcePathStyle; credentials from the default AWS chain), both validated at start-up.
    /// </summary>
    public static IServiceCollection AddUptBatch(this IServiceCollection services)
    {
        services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BatchOptions>, BatchOptionsValidator>());
        services.AddOptions<S3ClientOptions>().BindConfiguration($"{BatchOptions.Section}:S3").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3ClientOptions>, S3ClientOptionsValidator>());
        services.TryAddSingleton<IS3Client>(sp => new S3Client(sp.GetRequiredService<IOptions<S3ClientOptions>>().Value, logger: sp.GetService<ILogger<S3Client>>()));
        services.TryAddSingleton(sp => new BatchSourceFactory(sp.GetRequiredService<IS3Client>));
        return services;
    }
}
