using Microsoft.Extensions.DependencyInjection;

namespace Upt.Grains.Jobs;

/// <summary>Registers the jobs of async use cases in the silo.</summary>
public static class AsyncJobServiceCollectionExtensions
{
    /// <summary>
    /// Makes <typeparamref name="TJob"/> the job of <paramref name="useCase"/> (one of <see cref="AsyncUseCases"/>):
    /// <see cref="IAsyncEventGrain.StartAsync"/> with that use case runs it. A use case has one job; the last registration wins.
    /// </summary>
    public static IServiceCollection AddAsyncJob<TJob>(this IServiceCollection services, string useCase)
        where TJob : class, IAsyncJob
    {
        ArgumentException.ThrowIfNullOrEmpty(useCase);
        services.AddKeyedTransient<IAsyncJob, TJob>(useCase);
        return services;
    }
}
