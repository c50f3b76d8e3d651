using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>
/// A migrated database with the real writer and stores, and one domain in it. Profile <c>cN</c> is created with traveller
/// <c>profile_idN</c> (the names of UPT's unmerge tests); merges go through the group-commit writer as the grains do.
/// </summary>
internal sealed class MergeTestDomain : IAsyncDisposable
{
    public const string Domain = "merges";
    public const string Booking = "air_booking";

    private int _objects;

    private MergeTestDomain(NpgsqlDataSource db)
    {
        Db = db;
        Writer = new GroupCommitWriter(db, Options.Create(new GroupCommitOptions()), NullLogger<GroupCommitWriter>.Instance);
        Profiles = new ProfileStore(db);
        History = new MergeHistoryStore(db, NullLogger<MergeHistoryStore>.Instance);
        Domains = new DomainStore(db);
    }

    public NpgsqlDataSource Db { get; }

    public GroupCommitWriter Writer { get; }

    public ProfileStore Profiles { get; }

    public MergeHistoryStore History { get; }

    public DomainStore Domains { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static MergeRecord Rule(double factor = 1.0, string ruleId = "rule-1") => new(MergeTypes.Rule, factor, ruleId, "7");

    public static UnmergeContext Evidence(params string[] keys) => new(keys, "operator-1");

    public static async Task<MergeTestDomain> CreateAsync(PostgresServerFixture server, string name) =>
        new(NpgsqlDataSource.Create(await OrleansPostgres.NewMigratedDatabaseAsync(server, name)));

    /// <summary>Profiles <c>c{n}</c> for each n, each with its traveller, one booking and one e-mail lookup.</summary>
    public async Task CreateProfilesAsync(params int[] numbers)
    {
        await Task.WhenAll(numbers.Select(n => Writer.WriteAsync(new ProfileWrite(Domain, $"c{n}")
        {
            FieldsJson = $$"""{"FirstName": "first{{n}}"}""",
            NewTravellers = [$"profile_id{n}"],
            Objects = [NewObject(n)],
            AddLookups = [new LookupRow("email", $"{n}@example.com")],
        }, Ct)));
    }

    /// <summary>Another booking ingested for traveller <c>profile_id{traveller}</c>, written to the profile holding it now.</summary>
    public async Task AddBookingAsync(int traveller, int count = 1)
    {
        var profile = await CurrentProfileAsync(traveller);
        await Writer.WriteAsync(new ProfileWrite(Domain, profile) { Objects = Enumerable.Range(0, count).Select(_ => NewObject(traveller)).ToList() }, Ct);
    }

    /// <summary>Profile <c>c{absorbed}</c> is absorbed into <c>c{survivor}</c> through the group-commit writer.</summary>
    public Task MergeAsync(int absorbed, int survivor, MergeRecord? merge = null) =>
        Writer.WriteAsync(new ProfileWrite(Domain, $"c{survivor}") { Absorbed = [new AbsorbedProfile($"c{absorbed}", merge ?? Rule())] }, Ct);

    public async Task<UnmergeResult> UnmergeAsync(int toUnmerge, int mergedInto, params string[] evidence)
    {
        var result = await History.UnmergeAsync(Domain, $"c{toUnmerge}", $"c{mergedInto}", Evidence(evidence), Ct);
        Assert.Equal("", result.Message);
        Assert.Equal(UnmergeStatus.Unmerged, result.Status);
        return result;
    }

    /// <summary>The traveller ids a profile holds, sorted.</summary>
    public async Task<string[]> TravellersAsync(int profile) =>
        [.. await Profiles.GetTravellerIdsAsync(Domain, $"c{profile}", Ct)];

    public async Task<long> ObjectCountAsync(int profile) =>
        (await Profiles.CountObjectsAsync(Domain, $"c{profile}", Ct)).Values.Sum();

    public async Task<string[]> LineageAsync(int profile) => [.. await History.GetLineageAsync(Domain, $"c{profile}", Ct)];

    public async Task<long> CounterAsync(string counter) =>
        (await Domains.GetCountersAsync(Domain, Ct)).GetValueOrDefault(counter);

    public Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] args) => OrleansPostgres.ScalarAsync(Db, sql, args);

    public static string[] Travellers(params int[] numbers) => [.. numbers.Select(n => $"profile_id{n}").Order(StringComparer.Ordinal)];

    public static string[] Ids(params int[] numbers) => [.. numbers.Select(n => $"c{n}").Order(StringComparer.Ordinal)];

    private async Task<string> CurrentProfileAsync(int traveller) =>
        await Profiles.GetTravellerProfileAsync(Domain, $"profile_id{traveller}") ?? throw new InvalidOperationException($"No traveller {traveller}");

    private ObjectRow NewObject(int traveller)
    {
        var id = Interlocked.Increment(ref _objects);
        return new ObjectRow(Booking, $"profile_id{traveller}", $"booking{id}", $$"""{"id": "booking{{id}}"}""", DateTimeOffset.UnixEpoch.AddMinutes(id));
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await Profiles.DisposeAsync();
        await Db.DisposeAsync();
    }
}
