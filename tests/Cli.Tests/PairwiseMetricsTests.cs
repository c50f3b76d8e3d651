using Upt.Cli.MatchEval;

namespace Upt.Cli.Tests;

/// <summary>Pairwise precision, recall and F1 on hand-built clusterings with known figures.</summary>
public sealed class PairwiseMetricsTests
{
    [Fact]
    public void A_split_entity_and_a_wrong_link_give_the_counted_figures()
    {
        // Truth: {1,2,3} {4,5} {6}: 3 + 1 = 4 true pairs. Predicted: {1,2} {3,4,5} {6}: 1 + 3 = 4 linked, correct 1-2 and 4-5.
        var scores = PairwiseMetrics.Compute([("A", "p"), ("A", "p"), ("A", "q"), ("B", "q"), ("B", "q"), ("C", "r")]);

        Assert.Equal(new PairwiseScores(4, 4, 2), scores);
        Assert.Equal((0.5, 0.5, 0.5), (scores.Precision, scores.Recall, scores.F1));
        Assert.Equal("match-eval: records=6 profiles=3 precision=0.5000 recall=0.5000 f1=0.5000 auto_merged=1 review_pairs=2",
            new MatchEvalResult(6, 3, scores, 1, 2).LastLine());
    }

    [Fact]
    public void Unequal_precision_and_recall()
    {
        // Truth: {1,2,3,4}: 6 pairs. Predicted: {1,2,3} {4}: 3 linked, all correct.
        var scores = PairwiseMetrics.Compute([("A", "p"), ("A", "p"), ("A", "p"), ("A", "q")]);

        Assert.Equal(new PairwiseScores(6, 3, 3), scores);
        Assert.Equal((1.0, 0.5), (scores.Precision, scores.Recall));
        Assert.Equal(2.0 / 3.0, scores.F1, 1e-15);
        Assert.Equal("match-eval: records=4 profiles=2 precision=1.0000 recall=0.5000 f1=0.6667 auto_merged=0 review_pairs=0",
            new MatchEvalResult(4, 2, scores, 0, 0).LastLine());
    }

    [Fact]
    public void Everything_in_one_profile_and_nothing_linked_are_the_two_extremes()
    {
        // Truth {1,2} {3,4}: 2 true pairs. All in one profile: 6 linked, 2 correct.
        var merged = PairwiseMetrics.Compute([("A", "p"), ("A", "p"), ("B", "p"), ("B", "p")]);
        Assert.Equal((1.0 / 3.0, 1.0, 0.5), (merged.Precision, merged.Recall, merged.F1));

        // Each record its own profile: nothing linked, so no wrong link (precision 1) and nothing found (recall 0).
        var none = PairwiseMetrics.Compute([("A", "p"), ("A", "q"), ("B", "r"), ("B", "s")]);
        Assert.Equal((new PairwiseScores(2, 0, 0), 1.0, 0.0, 0.0), (none, none.Precision, none.Recall, none.F1));

        var empty = PairwiseMetrics.Compute([]);
        Assert.Equal((1.0, 1.0, 1.0), (empty.Precision, empty.Recall, empty.F1));
    }
}
