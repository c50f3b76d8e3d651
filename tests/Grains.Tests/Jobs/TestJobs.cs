using System.Collections.Concurrent;
using Upt.Grains.Jobs;

namespace Upt.Grains.Tests.Jobs;

/// <summary>Jobs the async-event tests control: the silos run in this process, so a static gate reaches them.</summary>
public static class TestJobs
{
    public const string GatedUseCase = "testGated";
    public const string FailingUseCase = "testFailing";

    /// <summary>Per event id: released to let a <see cref="Gated"/> job finish.</summary>
    public static ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new(StringComparer.Ordinal);

    /// <summary>Per event id: the silo a job runs on.</summary>
    public static ConcurrentDictionary<string, SiloAddress> RunningOn { get; } = new(StringComparer.Ordinal);

    /// <summary>Reports half done, then waits for its gate (or for ever when it has none) and succeeds.</summary>
    public sealed class Gated(ILocalSiloDetails silo) : IAsyncJob
    {
        public async Task<AsyncJobResult> RunAsync(AsyncJobContext context, CancellationToken cancellationToken)
        {
            RunningOn[context.EventId] = silo.SiloAddress;
            await context.ReportProgressAsync(0.5);
            var gate = Gates.GetOrAdd(context.EventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            await gate.Task.WaitAsync(cancellationToken);
            return AsyncJobResult.Success;
        }
    }

    /// <summary>Throws when its argument is "throw", else returns a failed result with its argument as the message.</summary>
    public sealed class Failing : IAsyncJob
    {
        public Task<AsyncJobResult> RunAsync(AsyncJobContext context, CancellationToken cancellationToken) =>
            context.Request.Arguments[0] == "throw"
                ? throw new InvalidOperationException("the job threw")
                : Task.FromResult(AsyncJobResult.Failed(context.Request.Arguments[0]));
    }
}
