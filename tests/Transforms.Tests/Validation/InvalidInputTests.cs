using Upt.TestSupport;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Validation;

/// <summary>Every file in <c>upt/invalid</c> is rejected with an error and no records (two of them UPT wrongly accepts or half-accepts).</summary>
public sealed class InvalidInputTests
{
    public static TheoryData<string, string> Files() => new()
    {
        { "air_booking.invalid.jsonl", "('Invalid Business object of type', 'air_booking')" },
        { "clickstream.invalid.jsonl", "clickstream event must have an event_type" },
        { "customer_service_interaction.invalid.jsonl", "Customer Service Interaction must have at least 1 conversation item " },
        { "guest_profile.empty.json", "email address must be populated" },
        { "guest_profile.invalid.jsonl", "loyaltyPrograms must be a list, got null" },
        { "hotel_booking.invalid.jsonl", "Hotel booking must have at least 1 segment " },
        { "hotel_stay.invalid.jsonl", "Hotel stay must have at least 1 revenue item " },
        { "pax_profile.invalid.jsonl", "loyaltyPrograms must be a list, got null" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Invalid_file_is_rejected(string file, string message)
    {
        var objectType = file[..file.IndexOf('.', StringComparison.Ordinal)];

        var result = Inputs.Run(objectType, File.ReadAllText(SharedData.UptFile("invalid", file)));

        Assert.False(result.IsSuccess);
        Assert.Empty(result.AllRecords);
        Assert.Equal("transformer_exception", result.Error.Category);
        Assert.Equal(objectType, result.Error.ObjectType);
        Assert.Equal(message, result.Error.Message);
    }

    [Fact]
    public void Every_invalid_file_is_covered()
    {
        var covered = Files().Select(row => (string)row.Data.Item1).Order(StringComparer.Ordinal);

        Assert.Equal(Directory.GetFiles(SharedData.UptFile("invalid")).Select(Path.GetFileName).Order(StringComparer.Ordinal), covered);
    }

    [Fact]
    public void Clickstream_without_any_identity_is_rejected()
    {
        var result = Inputs.Run("clickstream", """{"event_type":"login","event_timestamp":"2023-07-09T02:56:11.727Z"}""");

        Assert.Equal("clickstream event must have a session id, a userId or a customer_id attribute", result.Error?.Message);
    }
}
