using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Upt.Storage;

/// <summary>Registers Upt's PostgreSQL storage: data source, migrator, group-commit writer and stores.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds storage bound to configuration section <c>Postgres</c>, validated at start-up.</summary>
    public static IServiceCollection AddUptStorage(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GroupCommitOptions>().BindConfiguration($"{PostgresOptions.Section}:GroupCommit").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString));
        services.AddSingleton<Migrator>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<DomainStore>();
        services.AddSingleton<ErrorStore>();
        services.AddSingleton<BatchStore>();
        services.AddSingleton<MergeHistoryStore>();
        services.AddSingleton<MatchPairStore>();
        services.AddSingleton<MatchBlockStore>();
        services.AddSingleton<FuzzyProfileReader>();
        services.AddSingleton<PrivacyStore>();
        services.AddSingleton<SubjectStore>();
        return services;
    }
}
