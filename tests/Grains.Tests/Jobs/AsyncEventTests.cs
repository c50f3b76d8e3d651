using Upt.Rules;
using Upt.TestSupport;

namespace Upt.Grains.Tests.Jobs;

/// <summary>
/// Async events: a job's status goes invoked → running (with progress) → success or failed (with the reason), records
/// of finished work are final, the re-resolution after an activation is followed, and everything is read back from storage.
/// </summary>
public sealed class AsyncEventTests(JobClusterFixture jobs) : IClassFixture<JobClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_job_goes_invoked_running_with_progress_then_success_and_the_outcome_survives_deactivation()
    {
        var id = Guid.NewGuid().ToString();
        var gate = TestJobs.Gates.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var grain = jobs.Client.GetGrain<IAsyncEventGrain>(id);

        var started = await grain.StartAsync(new AsyncJobRequest(TestJobs.GatedUseCase, "dom_a", []));
        Assert.Equal((id, TestJobs.GatedUseCase, "dom_a", AsyncEventStatus.Invoked, 0.0, (string?)null),
            (started.EventId, started.UseCase, started.Domain, started.Status, started.Progress, started.Error));

        var running = await Eventually.WaitAsync(() => grain.GetAsync().AsTask(), v => v!.Progress == 0.5, Wait, "the job to report half done");
        Assert.Equal(AsyncEventStatus.Running, running!.Status);
        Assert.True(running.LastUpdated >= started.LastUpdated);

        gate.SetResult();
        var done = await Eventually.WaitAsync(() => grain.GetAsync().AsTask(), v => v!.Status != AsyncEventStatus.Running, Wait, "the job to end");
        Assert.Equal((AsyncEventStatus.Success, 1.0, (string?)null), (done!.Status, done.Progress, done.Error));

        // Starting the same event again changes nothing; a new activation reads the same outcome from storage.
        Assert.Equal(done, await grain.StartAsync(new AsyncJobRequest(TestJobs.GatedUseCase, "dom_b", [])));
        await jobs.Cluster.DeactivateAsync(grain);
        Assert.Equal(done, await grain.GetAsync());
    }

    [Theory]
    [InlineData("throw", "the job threw")]
    [InlineData("3 of 4 locations failed", "3 of 4 locations failed")]
    public async Task A_job_that_throws_or_fails_reads_failed_with_its_reason(string argument, string error)
    {
        var grain = jobs.Client.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString());

        await grain.StartAsync(new AsyncJobRequest(TestJobs.FailingUseCase, "dom_a", [argument]));

        var failed = await Eventually.WaitAsync(() => grain.GetAsync().AsTask(), v => AsyncEventStatus.IsTerminal(v!.Status), Wait, "the job to end");
        Assert.Equal((AsyncEventStatus.Failed, error), (failed!.Status, failed.Error));
    }

    [Fact]
    public async Task Recorded_work_is_final_unknown_ids_read_null_and_unknown_use_cases_cannot_start()
    {
        var ok = jobs.Client.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString());
        var recorded = await ok.RecordAsync(AsyncUseCases.MergeProfiles, "dom_a", null);
        Assert.Equal((AsyncUseCases.MergeProfiles, AsyncEventStatus.Success, 1.0, (string?)null), (recorded.UseCase, recorded.Status, recorded.Progress, recorded.Error));
        Assert.Equal(recorded, await ok.RecordAsync(AsyncUseCases.MergeProfiles, "dom_a", "later"));
        Assert.Equal(recorded, await ok.GetAsync());

        var failed = await jobs.Client.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString()).RecordAsync(AsyncUseCases.UnmergeProfiles, "dom_a", "not merged");
        Assert.Equal((AsyncEventStatus.Failed, 0.0, "not merged"), (failed.Status, failed.Progress, failed.Error));

        Assert.Null(await jobs.Client.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString()).GetAsync());
        var unknown = jobs.Client.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString());
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => unknown.StartAsync(new AsyncJobRequest("noSuchUseCase", "dom_a", [])).AsTask());
        Assert.StartsWith("no job is registered for use case noSuchUseCase", ex.Message, StringComparison.Ordinal);
        Assert.Null(await unknown.GetAsync());
    }

    [Fact]
    public async Task The_reresolution_after_an_activation_is_followed_to_success_and_a_superseded_one_reads_failed()
    {
        var domain = jobs.Client.GetGrain<IDomainGrain>(await jobs.NewDomainAsync());
        var rules = new Rule[]
        {
            new()
            {
                Index = 0,
                Name = "by_last_name",
                Conditions = [new Condition { ConditionType = ConditionTypes.Match, IncomingObjectType = RuleObjectTypes.Profile, IncomingObjectField = "LastName" }],
            },
        };

        Assert.Equal(RuleSetOutcome.Done, (await domain.SaveRuleSetDraftAsync(rules)).Outcome);
        var v2 = (await domain.ActivateRuleSetAsync()).RuleSet!.LatestVersion;
        var first = jobs.Client.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString());
        var tracked = await first.TrackResolutionAsync(domain.GetPrimaryKeyString(), v2);
        Assert.Equal((AsyncUseCases.StartBatchIdRes, AsyncEventStatus.Invoked), (tracked.UseCase, tracked.Status));

        // Activated again before v2's pass began (it waits a few seconds for the settings to spread): v2 never completes.
        Assert.Equal(RuleSetOutcome.Done, (await domain.SaveRuleSetDraftAsync(rules)).Outcome);
        var v3 = (await domain.ActivateRuleSetAsync()).RuleSet!.LatestVersion;
        var second = jobs.Client.GetGrain<IAsyncEventGrain>(Guid.NewGuid().ToString());
        await second.TrackResolutionAsync(domain.GetPrimaryKeyString(), v3);

        var superseded = await Eventually.WaitAsync(() => first.GetAsync().AsTask(), v => AsyncEventStatus.IsTerminal(v!.Status), Wait, "v2's event to end");
        Assert.Equal((AsyncEventStatus.Failed, $"superseded by the activation of rule-set version {v3} before it finished"), (superseded!.Status, superseded.Error));
        var done = await Eventually.WaitAsync(() => second.GetAsync().AsTask(), v => AsyncEventStatus.IsTerminal(v!.Status), Wait, "v3's event to end");
        Assert.Equal((AsyncEventStatus.Success, 1.0, (string?)null), (done!.Status, done.Progress, done.Error));
    }
}
