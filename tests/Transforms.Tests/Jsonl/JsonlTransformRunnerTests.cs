using System.Text.Json.Nodes;
using Upt.TestSupport;
using Upt.Transforms.Jsonl;
using Upt.Transforms.Tests.Golden;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Jsonl;

/// <summary>The library behind <c>upt transform</c>.</summary>
public sealed class JsonlTransformRunnerTests
{
    [Fact]
    public void Each_line_gives_one_grouped_line_and_rejections_go_to_errors()
    {
        var lines = File.ReadLines(SharedData.UptFile("golden", "clickstream", "customer_1.input.jsonl")).ToList();
        var input = string.Join('\n', lines[0], "", "{\"event_type\":\"\"}", lines[1]);
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = JsonlTransformRunner.Run("clickstream", new StringReader(input), output, errors, FixedClock.Options());

        Assert.Equal(1, exit);
        var outLines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, outLines.Length);
        for (var k = 0; k < 2; k++)
        {
            var expected = GoldenCase.Load($"clickstream/customer_1#{k + 1}").Expected;
            Assert.Empty(RecordComparer.Differences(expected, JsonNode.Parse(outLines[k])));
        }

        var error = JsonNode.Parse(errors.ToString())!;
        Assert.Equal(3, (int)error["line"]!);
        Assert.Equal("transformer_exception", (string?)error["category"]);
        Assert.Equal("clickstream event must have an event_type", (string?)error["message"]);
    }

    [Fact]
    public void All_good_lines_exit_zero()
    {
        var input = File.ReadAllText(SharedData.UptFile("golden", "guest_profile", "customer_1.input.jsonl"));
        var errors = new StringWriter();

        var exit = JsonlTransformRunner.Run("guest_profile", new StringReader(input), new StringWriter(), errors, FixedClock.Options());

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public void Malformed_json_line_is_an_error_line()
    {
        var errors = new StringWriter();

        var exit = JsonlTransformRunner.Run("guest_profile", new StringReader("{not json"), new StringWriter(), errors, FixedClock.Options());

        Assert.Equal(1, exit);
        Assert.StartsWith("invalid JSON", (string?)JsonNode.Parse(errors.ToString())!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_object_type_is_reported_once()
    {
        var errors = new StringWriter();

        var exit = JsonlTransformRunner.Run("clickevent", new StringReader("{}"), new StringWriter(), errors, FixedClock.Options());

        Assert.Equal(1, exit);
        Assert.Equal("('Unknown object type', 'clickevent')", (string?)JsonNode.Parse(errors.ToString())!["message"]);
    }
}
