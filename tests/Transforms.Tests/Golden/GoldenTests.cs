using System.Text.Json;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Golden;

/// <summary>Every UPT golden case reproduces, except fields of deliberately fixed bugs, overridden in <see cref="GoldenOverrides"/>.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases() => [.. GoldenCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_case_reproduces(string name)
    {
        var golden = GoldenCase.Load(name);
        using var doc = JsonDocument.Parse(golden.InputLine);

        var result = BusinessObjectTransformer.Transform(golden.ObjectType, doc.RootElement, FixedClock.Options());

        Assert.True(result.IsSuccess, result.Error?.Message);
        var expected = GoldenOverrides.Apply(name, golden.Expected);
        var diffs = RecordComparer.Differences(expected, result.ToGroupedJson());
        Assert.True(diffs.Count == 0, string.Join('\n', diffs));
    }
}
