using Upt.Matching.Tests.Evaluation;

namespace Upt.Matching.Tests;

/// <summary>The bars on FEBRL at default settings: pairwise precision ≥ 0.99 and F1 ≥ 0.95, with and without the id.</summary>
public sealed class FebrlEvaluationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dataset1.csv", true)]
    [InlineData("dataset1.csv", false)]
    [InlineData("dataset2.csv", true)]
    [InlineData("dataset2.csv", false)]
    public void Default_settings_meet_the_bars(string file, bool withId)
    {
        Assert.SkipUnless(File.Exists(FebrlData.PathOf(file)), $"FEBRL data not found under {FebrlData.Folder}");
        var result = Evaluator.Run(file, withId, MatchSettings.Default);
        output.WriteLine(result.ToString());
        Assert.True(result.Precision >= 0.99, result.ToString());
        Assert.True(result.F1 >= 0.95, result.ToString());
    }
}
