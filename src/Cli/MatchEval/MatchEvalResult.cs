using System.Globalization;

namespace Upt.Cli.MatchEval;

/// <summary>What one match-eval run found; <see cref="LastLine"/> is a contract other tools parse.</summary>
internal sealed record MatchEvalResult(long Records, long Profiles, PairwiseScores Scores, long AutoMerged, long ReviewPairs)
{
    public string LastLine() => string.Create(CultureInfo.InvariantCulture,
        $"match-eval: records={Records} profiles={Profiles} precision={Scores.Precision:0.0000} recall={Scores.Recall:0.0000} f1={Scores.F1:0.0000} auto_merged={AutoMerged} review_pairs={ReviewPairs}");
}
