using System.Text;
using Upt.Grains.Profiles;

namespace Upt.Grains.Tests;

/// <summary>
/// Input PostgreSQL cannot store (a NUL character, a bare NUL byte) becomes an error record instead of failing the
/// batch, which Kinesis would redeliver forever; the rest of the batch lands.
/// </summary>
[Collection(GridCollection.Name)]
public sealed class UnstorableInputTests(GridFixture grid)
{
    private IIngestGrain Ingest => grid.Client.GetGrain<IIngestGrain>(0);

    [Fact]
    public async Task A_NUL_character_in_a_value_is_an_error_record_and_the_rest_of_the_batch_lands()
    {
        var domain = await grid.NewDomainAsync();
        var poisoned = Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("UN-1", "An\u0000na", "Lee", "anna@example.com", "2024-01-01T00:00:00.000Z"));

        var summary = await Ingest.IngestAsync([Envelopes.Raw(poisoned), Good(domain, "UN-2")]);

        Assert.Equal((1, 2), (summary.Errors, summary.FlatRecords));
        var error = Assert.Single((await Errors(domain)).Items);
        Assert.Equal(("ACP real time Ingestion error", "guest_profile"), (error.Category, error.ObjectType));
        Assert.Equal("field guest_profile.first_name contains a NUL character (\\u0000), which cannot be stored; the business object was not ingested", error.Message);
        // The raw record is kept as sent (JSON escapes the NUL), so it can be fixed and retried.
        Assert.Equal(poisoned.ToJsonString(), error.Raw);
        Assert.Null(await ViewAsync(domain, "UN-1"));
        Assert.NotNull(await ViewAsync(domain, "UN-2"));
    }

    [Theory]
    [InlineData("\\udc00")]
    [InlineData("\\uD800")]
    public async Task A_lone_surrogate_escape_in_a_value_is_an_error_record_and_the_rest_of_the_batch_lands(string escape)
    {
        var domain = await grid.NewDomainAsync();
        var json = Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("UN-6", "XSURX", "Lee", "s@example.com", "2024-01-01T00:00:00.000Z")).ToJsonString();

        var summary = await Ingest.IngestAsync([Envelopes.Raw(Encoding.UTF8.GetBytes(json.Replace("XSURX", escape, StringComparison.Ordinal))), Good(domain, "UN-7")]);

        Assert.Equal(1, summary.Errors);
        Assert.Single((await Errors(domain)).Items);
        Assert.Null(await ViewAsync(domain, "UN-6"));
        Assert.NotNull(await ViewAsync(domain, "UN-7"));
    }

    [Fact]
    public async Task A_raw_record_with_a_bare_NUL_byte_is_kept_as_base64_in_its_error_record()
    {
        var domain = await grid.NewDomainAsync();
        var bytes = Encoding.UTF8.GetBytes(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("UN-3", "XX", "Lee", "x@example.com", "2024-01-01T00:00:00.000Z")).ToJsonString());
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0;

        var summary = await Ingest.IngestAsync([Envelopes.Raw(bytes), Good(domain, "UN-4")]);

        Assert.Equal(1, summary.Errors);
        // Not JSON, so no domain can be read from it: the record is kept under the empty domain.
        await using var cmd = grid.Database.CreateCommand("SELECT domain, message FROM upt_errors WHERE raw = @raw");
        cmd.Parameters.AddWithValue("raw", "base64:" + Convert.ToBase64String(bytes));
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("", reader.GetString(0));
        Assert.DoesNotContain('\0', reader.GetString(1));
        Assert.NotNull(await ViewAsync(domain, "UN-4"));
    }

    [Fact]
    public async Task A_record_the_database_refuses_past_the_edge_is_kept_as_an_error_record_and_its_run_still_lands()
    {
        var domain = await grid.NewDomainAsync();
        var settings = (await grid.Client.GetGrain<IDomainGrain>(domain).GetSettingsAsync())!;
        // Straight to the traveller's grain, past the edge check: the object row's jsonb refuses \u0000.
        var refused = Record("UN-5", "email_history", "E1", """{"object_type":"email_history","accp_object_id":"E1","traveller_id":"UN-5","address":"a\u0000b@example.com"}""");
        var stored = Record("UN-5", "email_history", "E2", """{"object_type":"email_history","accp_object_id":"E2","traveller_id":"UN-5","address":"ok@example.com"}""");

        var outcome = await grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, "UN-5")).IngestAsync([refused, stored], settings);

        Assert.Equal(1, outcome.Errors);
        var error = Assert.Single((await Errors(domain)).Items);
        Assert.Equal(("ACP real time Ingestion error", "email_history", "UN-5"), (error.Category, error.ObjectType, error.TravellerId));
        Assert.StartsWith("PostgreSQL refused to store the record (SQLSTATE 22P05", error.Message, StringComparison.Ordinal);
        var view = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, ProfileIds.ForTraveller(domain, "UN-5")))
            .GetAsync(new ProfileQuery(["email_history"], 0, 10));
        Assert.Equal(["E2"], view!.Objects["email_history"].Items.Select(o => o.ObjectId));
    }

    private static IngestRecord Record(string traveller, string type, string id, string json) => new()
    {
        ObjectType = type,
        ObjectId = id,
        TravellerId = traveller,
        Json = json,
        LastUpdated = DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        SourceId = $"test/{traveller}/{id}",
    };

    private static RawRecord Good(string domain, string traveller) =>
        Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile(traveller, "Ann", "Lee", $"{traveller}@example.com", "2024-01-01T00:00:00.000Z")));

    private Task<ErrorPage> Errors(string domain) => grid.Client.GetGrain<IDomainGrain>(domain).ListErrorsAsync(0, 10).AsTask();

    private Task<ProfileView?> ViewAsync(string domain, string traveller) =>
        grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, ProfileIds.ForTraveller(domain, traveller))).GetAsync(ProfileQuery.FieldsOnly).AsTask();
}
