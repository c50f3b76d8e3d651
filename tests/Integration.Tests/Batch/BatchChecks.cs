using System.Text.Json.Nodes;

namespace Upt.Integration.Tests.Batch;

/// <summary>Assertions on what a batch run left behind, through the API and in PostgreSQL.</summary>
public static class BatchChecks
{
    /// <summary>Exactly the expected profiles, objects (per type, and by key in upt_objects) and error records.</summary>
    public static async Task AssertDomainAsync(ClusterFixture fixture, string domain, ExpectedIngest expected, long errors)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var counts = await fixture.Api.GetDomainAsync(domain, cancellationToken);
        Assert.Equal(expected.Profiles, counts.Profiles);
        Assert.Equal(expected.Objects.Count, counts.Objects);
        Assert.Equal(errors, counts.Errors);
        Assert.Equal(
            expected.ObjectsByType.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
            counts.ObjectCounts.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal).ToList());

        var keys = (await fixture.Database.ObjectKeysAsync(domain, cancellationToken)).ToHashSet();
        Assert.True(keys.SetEquals(expected.Objects), $"upt_objects differs: {keys.Except(expected.Objects).Count()} unexpected, {expected.Objects.Except(keys).Count()} missing");
        Assert.Equal(expected.Profiles, await fixture.Database.CountLiveProfilesAsync(domain, cancellationToken));
        Assert.Equal(errors, await fixture.Database.CountErrorsAsync(domain, cancellationToken));
    }

    /// <summary>The run ended SUCCEEDED with these counts.</summary>
    public static void AssertRun(JsonObject job, int filesTotal, int filesDone, int filesSkipped, long records, long errors)
    {
        var actual = ((string?)job["status"], (int?)job["filesTotal"], (int?)job["filesDone"], (int?)job["filesSkipped"], (long?)job["records"], (long?)job["errors"]);
        Assert.True(("SUCCEEDED", filesTotal, filesDone, filesSkipped, records, errors) == actual,
            $"expected SUCCEEDED files={filesTotal} done={filesDone} skipped={filesSkipped} records={records} errors={errors}; got {job.ToJsonString()}");
    }
}
