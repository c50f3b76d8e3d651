using System.Globalization;
using System.Text;
using Upt.Cli.Produce;
using Upt.Feed.Envelopes;

namespace Upt.Cli.Tests;

public sealed class KinesisProducerTests
{
    [Fact]
    public async Task Batches_stay_within_500_entries_and_everything_is_sent_once()
    {
        var client = new FakeKinesisClient();
        var producer = new KinesisProducer(client, "s");

        var result = await producer.SendAsync(Envelopes(1201), TestContext.Current.CancellationToken);

        Assert.Equal(1201, result.Sent);
        Assert.Equal(0, result.Failed);
        Assert.Equal([500, 500, 201], client.BatchSizes);
        Assert.Equal(1201, client.Accepted.Distinct().Count());
    }

    [Fact]
    public async Task Rejected_entries_are_retried_alone()
    {
        var client = new FakeKinesisClient(rejectEvery: 10);
        var producer = new KinesisProducer(client, "s");

        var result = await producer.SendAsync(Envelopes(100), TestContext.Current.CancellationToken);

        Assert.Equal(new ProduceResult(100, 0, result.Elapsed), result);
        Assert.Equal([100, 10], client.BatchSizes);
        Assert.Equal(100, client.Accepted.Distinct().Count());
    }

    [Fact]
    public async Task Entries_that_keep_failing_are_counted_as_failed()
    {
        var client = new FakeKinesisClient(rejectEvery: 10);
        var producer = new KinesisProducer(client, "s", maxEntryAttempts: 1);

        var result = await producer.SendAsync(Envelopes(100), TestContext.Current.CancellationToken);

        Assert.Equal(90, result.Sent);
        Assert.Equal(10, result.Failed);
    }

    [Theory]
    [InlineData(0, 500)]
    [InlineData(50, 5)]
    [InlineData(5, 1)]
    [InlineData(100_000, 500)]
    public void Paced_batches_are_about_a_tenth_of_a_second(double rate, int expected)
    {
        Assert.Equal(expected, KinesisProducer.BatchSizeFor(rate));
    }

    [Fact]
    public async Task Cancellation_ends_an_endless_feed_quietly()
    {
        var client = new FakeKinesisClient();
        var producer = new KinesisProducer(client, "s", rate: 100);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var result = await producer.SendAsync(Envelopes(int.MaxValue), cts.Token);

        Assert.InRange(result.Sent, 1, 200);
    }

    [Fact]
    public void The_summary_line_has_a_fixed_shape()
    {
        Assert.Equal("produce: sent=12 failed=1 seconds=1.5", new ProduceResult(12, 1, TimeSpan.FromSeconds(1.5)).SummaryLine());
    }

    private static IEnumerable<GeneratedEnvelope> Envelopes(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            yield return new GeneratedEnvelope("clickstream", $"k{i % 7}", Encoding.UTF8.GetBytes(id));
        }
    }
}
