using Upt.Matching.Tests.Evaluation;

namespace Upt.Matching.Tests;

/// <summary>Robustness figures for the report (explicit: run with -explicit only). Prints, asserts nothing.</summary>
public sealed class RobustnessReport(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Threshold_and_guard_sensitivity()
    {
        foreach (var file in new[] { "dataset1.csv", "dataset2.csv" })
        {
            foreach (var withId in new[] { true, false })
            {
                foreach (var t in new[] { 0.94, 0.99, 0.999 })
                {
                    output.WriteLine($"threshold {t}: " + Evaluator.Run(file, withId, MatchSettings.Default with { AutoMergeThreshold = t }));
                }

                output.WriteLine("no chaining guard: " + Evaluator.Run(file, withId, MatchSettings.Default, guard: false));
            }
        }
    }

    [Fact(Explicit = true)]
    public void Tune_on_dataset1_report_dataset2()
    {
        // Pick the threshold that maximises F1 on dataset1 (without id), then report dataset2 at that threshold.
        var grid = Enumerable.Range(0, 40).Select(i => 0.5 + (i * 0.0125)).Append(0.999).Append(0.9999).ToArray();
        var best = grid.Select(t => (t, r: Evaluator.Run("dataset1.csv", false, MatchSettings.Default with { AutoMergeThreshold = t })))
            .OrderByDescending(x => x.r.F1).ThenByDescending(x => x.t).First();
        output.WriteLine($"tuned on dataset1: threshold {best.t:F4} -> {best.r}");
        output.WriteLine("dataset2 at tuned: " + Evaluator.Run("dataset2.csv", false, MatchSettings.Default with { AutoMergeThreshold = best.t }));
        output.WriteLine("dataset2 with id at tuned: " + Evaluator.Run("dataset2.csv", true, MatchSettings.Default with { AutoMergeThreshold = best.t }));
    }
}
