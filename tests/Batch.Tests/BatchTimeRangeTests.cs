using Upt.Grains;

namespace Upt.Batch.Tests;

/// <summary>The ends of a replay range as the API and `upt replay` read them.</summary>
public sealed class BatchTimeRangeTests
{
    [Theory]
    [InlineData("2024-06-01", false, "2024-06-01T00:00:00.0000000+00:00")]
    [InlineData("2024-06-01", true, "2024-06-01T23:59:59.9999990+00:00")]
    [InlineData("2024-06-01T06:30", false, "2024-06-01T06:30:00.0000000+00:00")]
    [InlineData("2024-06-01T06:30:15Z", true, "2024-06-01T06:30:15.0000000+00:00")]
    [InlineData("2024-06-01T06:30:15.250Z", false, "2024-06-01T06:30:15.2500000+00:00")]
    [InlineData("2024-06-01T01:00:00+02:00", false, "2024-05-31T23:00:00.0000000+00:00")]
    public void A_date_or_an_iso_date_time_is_read_as_utc(string text, bool isEnd, string expected)
    {
        Assert.True(BatchTimeRange.TryParseBound(text, isEnd, out var bound));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bound);
        Assert.Equal(TimeSpan.Zero, bound.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-02-30")]
    [InlineData("2024-06-01 06:30")]
    [InlineData("June 1, 2024")]
    [InlineData("2024-06-01T25:00")]
    [InlineData("2024-6-1")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(BatchTimeRange.TryParseBound(text, isEnd: false, out _));
    }

    [Fact]
    public void The_range_holds_both_ends_and_reads_the_files_of_their_days()
    {
        var range = new BatchTimeRange(new DateTimeOffset(2024, 6, 1, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 6, 2, 12, 0, 0, TimeSpan.Zero));

        Assert.True(range.Contains(range.From));
        Assert.True(range.Contains(range.To));
        Assert.False(range.Contains(range.From.AddTicks(-1)));
        Assert.False(range.Contains(range.To.AddTicks(1)));
        Assert.Equal((new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 2)), (range.FirstDay, range.LastDay));
        Assert.Equal("2024-06-01T06:00:00Z", BatchTimeRange.Format(range.From));
        Assert.Equal("2024-06-01T23:59:59.999999Z", BatchTimeRange.Format(new DateTimeOffset(2024, 6, 2, 1, 59, 59, TimeSpan.FromHours(2)).AddTicks(9_999_990)));
    }
}
