using Upt.Grains.Profiles;

namespace Upt.Grains.Tests;

/// <summary>The one precedence rule (UPT's incremental-SQL cases, with explicit "higher rank wins").</summary>
public sealed class FieldPrecedenceTests
{
    private static readonly Dictionary<string, int> Ranks = new() { ["object_1"] = 1, ["object_2"] = 2, ["object_3"] = 3 };
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("object_1", 0, "object_2", -1, true)]   // higher priority updates even when older
    [InlineData("object_2", 0, "object_1", 1, false)]   // lower priority does not, even when newer
    [InlineData("object_2", 0, "object_2", 1, true)]    // equal priority, newer updates
    [InlineData("object_2", 0, "object_2", -1, false)]  // equal priority, older does not
    [InlineData("object_2", 0, "object_2", 0, true)]    // equal priority, same time: incoming (so redelivery converges)
    [InlineData("object_1", 0, "other", 1, false)]      // unprioritised incoming loses to a prioritised stored value
    [InlineData("other", 0, "object_1", -1, true)]      // prioritised incoming beats an unprioritised stored value
    [InlineData("other", 0, "another", 1, true)]        // both unprioritised: newer wins
    [InlineData("other", 0, "another", -1, false)]      // both unprioritised: older loses
    public void Decides_by_rank_then_recency(string storedType, int storedDay, string incomingType, int incomingDay, bool replaces)
    {
        var stored = new FieldValue("old", T0.AddDays(storedDay), storedType);
        var incoming = new FieldValue("new", T0.AddDays(incomingDay), incomingType);

        Assert.Equal(replaces, FieldPrecedence.ShouldReplace(stored, incoming, Ranks));
    }

    [Fact]
    public void A_field_never_set_is_always_written_and_empty_never_overwrites()
    {
        Assert.True(FieldPrecedence.ShouldReplace(null, new FieldValue("x", null, "other"), Ranks));
        Assert.False(FieldPrecedence.ShouldReplace(new FieldValue("William", T0, "object_1"), new FieldValue("", T0.AddDays(1), "object_3"), Ranks));
    }
}
