using System.Diagnostics;
using Upt.TestSupport;

namespace Upt.Integration.Tests;

/// <summary>Waiting for and asserting the outcome of an ingest, through the API and directly in PostgreSQL.</summary>
public static class IngestChecks
{
    /// <summary>A fresh, valid domain name (lower snake case, at most 26 characters).</summary>
    public static string NewDomain(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(26, prefix.Length + 13)];

    /// <summary>
    /// Polls the API until the domain holds at least the expected profiles, objects and errors (a count that overshoots
    /// stops the wait too, so that the exact assertions that follow report it), and returns the counts seen.
    /// </summary>
    public static async Task<DomainCounts> WaitUntilIngestedAsync(ClusterFixture fixture, string domain, ExpectedIngest expected, TimeSpan timeout)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            var counts = await Eventually.WaitAsync(
                () => fixture.Api.TryGetDomainAsync(domain, cancellationToken),
                c => c is not null && c.Objects >= expected.Objects.Count && c.Profiles >= expected.Profiles && c.Errors >= expected.Errors,
                timeout,
                $"domain {domain} to reach {expected.Profiles} profiles, {expected.Objects.Count} objects and {expected.Errors} errors");
            return counts!;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}End of the silo log:{Environment.NewLine}{fixture.SiloLogTail()}", ex);
        }
    }

    /// <summary>The API's counts equal the expectation exactly, in total and per object type.</summary>
    public static void AssertCounts(ExpectedIngest expected, DomainCounts actual)
    {
        Assert.Equal(expected.Profiles, actual.Profiles);
        Assert.Equal(expected.Objects.Count, actual.Objects);
        Assert.Equal(expected.Errors, actual.Errors);
        Assert.Equal(
            expected.ObjectsByType.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
            actual.ObjectCounts.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// In PostgreSQL: upt_objects holds exactly the expected keys, upt_profiles and upt_travellers one row per
    /// traveller, and every counter equals the real row count it stands for.
    /// </summary>
    public static async Task AssertDatabaseAsync(ClusterFixture fixture, string domain, ExpectedIngest expected)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var db = fixture.Database;
        var keys = await db.ObjectKeysAsync(domain, cancellationToken);
        Assert.Equal(expected.Objects.Count, keys.Count);
        var stored = keys.ToHashSet();
        Assert.Equal(keys.Count, stored.Count);
        var missing = expected.Objects.Except(stored).Take(5).ToList();
        var unexpected = stored.Except(expected.Objects).Take(5).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"upt_objects differs from the expectation; missing e.g. [{string.Join(", ", missing)}], unexpected e.g. [{string.Join(", ", unexpected)}]");

        var liveProfiles = await db.CountLiveProfilesAsync(domain, cancellationToken);
        Assert.Equal(expected.Profiles, liveProfiles);
        Assert.Equal(expected.Profiles, await db.CountTravellersAsync(domain, cancellationToken));
        var errors = await db.CountErrorsAsync(domain, cancellationToken);
        Assert.Equal(expected.Errors, errors);

        // Counters are added in the same transaction as the rows they count; a redelivery must not add twice.
        var counters = await db.CountersAsync(domain, cancellationToken);
        var rows = await db.ObjectRowsByTypeAsync(domain, cancellationToken);
        Assert.Equal(liveProfiles, counters.GetValueOrDefault("profiles"));
        Assert.Equal(errors, counters.GetValueOrDefault("errors"));
        var objectCounters = counters.Where(c => c.Key.StartsWith("objects:", StringComparison.Ordinal) && c.Value != 0)
            .ToDictionary(c => c.Key["objects:".Length..], c => c.Value, StringComparer.Ordinal);
        Assert.Equal(rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(), objectCounters.OrderBy(c => c.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>Writes a line to the test output (shown with <c>--output detailed</c> and for failures).</summary>
    public static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }

    /// <summary>Seconds with one decimal.</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>Runs <paramref name="action"/> over <paramref name="items"/> with at most <paramref name="parallelism"/> at once.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, CancellationToken, ValueTask> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = TestContext.Current.CancellationToken }, action);

    /// <summary>A started stopwatch.</summary>
    public static Stopwatch Watch() => Stopwatch.StartNew();
}
