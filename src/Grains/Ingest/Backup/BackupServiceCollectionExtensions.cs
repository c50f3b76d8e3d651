using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upt.Batch.Backup;
using Upt.S3;

namespace Upt.Grains.Ingest.Backup;

/// <summary>Registers the raw backup of consumed Kinesis records in the silo.</summary>
public static class BackupServiceCollectionExtensions
{
    /// <summary>The key of the backup target's S3 client (privacy purges rewrite backup files through it too).</summary>
    internal const string S3ClientName = "backup";

    /// <summary>
    /// Adds <see cref="BackupOptions"/> (section <c>Backup</c>) and, for a bucket target, its S3 client (section
    /// <c>Backup:S3</c>: ServiceUrl, Region, ForcePathStyle; credentials from the default AWS chain), both validated at
    /// start-up, and a start-up line saying whether the backup is on.
    /// </summary>
    public static IServiceCollection AddUptBackup(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>());
        services.AddOptions<S3ClientOptions>(S3ClientName).BindConfiguration($"{BackupOptions.Section}:S3").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3ClientOptions>, S3ClientOptionsValidator>());
        services.TryAddKeyedSingleton<IS3Client>(S3ClientName, (sp, _) =>
            new S3Client(sp.GetRequiredService<IOptionsMonitor<S3ClientOptions>>().Get(S3ClientName), logger: sp.GetService<ILogger<S3Client>>()));
        services.TryAddSingleton(sp =>
        {
            var target = sp.GetRequiredService<IOptions<BackupOptions>>().Value.Target;
            IBackupSink? sink = null;
            if (!string.IsNullOrWhiteSpace(target) && !BackupSinks.TryCreate(target, () => sp.GetRequiredKeyedService<IS3Client>(S3ClientName), out sink, out var error))
            {
                throw new OptionsValidationException(BackupOptions.Section, typeof(BackupOptions), [$"Backup:Target: {error}"]);
            }

            return new RawBackupWriter(sink, sp.GetRequiredService<ILogger<RawBackupWriter>>());
        });
        services.AddHostedService<BackupStartupReport>();
        return services;
    }
}
