using System.Diagnostics;
using Upt.Matching.Blocking;
using Upt.Matching.Clustering;
using Upt.Matching.Scoring;

namespace Upt.Matching.Tests.Evaluation;

/// <summary>Offline evaluation: block, score, cluster at the auto-merge threshold, and compare pairwise with the true clusters.</summary>
public static class Evaluator
{
    public static EvalResult Run(string name, IReadOnlyList<string> truth, IReadOnlyList<MatchCandidate> candidates, MatchSettings settings, MatchModel? model = null, bool guard = true)
    {
        var m = model ?? MatchModel.Default;
        var clock = Stopwatch.StartNew();
        var index = new BlockIndex(candidates);
        var pairs = index.Pairs(settings.MaxBlockSize);
        var scored = pairs.AsParallel().Select(p => new ScoredPair(p.A, p.B, MatchScorer.Score(candidates[p.A], candidates[p.B], m).Score)).ToArray();
        var known = scored.ToDictionary(p => ((long)p.A << 32) | (uint)p.B, p => p.Score);
        double Cross(int a, int b)
        {
            var (x, y) = a < b ? (a, b) : (b, a);
            return known.TryGetValue(((long)x << 32) | (uint)y, out var s) ? s : MatchScorer.Score(candidates[x], candidates[y], m).Score;
        }

        var labels = Clusterer.Cluster(candidates.Count, scored, settings.AutoMergeThreshold, guard ? Cross : null, settings.ClusterGuardThreshold);
        clock.Stop();

        var blocked = new HashSet<long>(pairs.Select(p => ((long)p.A << 32) | (uint)p.B));
        long truePairs = 0, predicted = 0, correct = 0, trueBlocked = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                var same = truth[i] == truth[j];
                var linked = labels[i] == labels[j];
                if (same)
                {
                    truePairs++;
                    if (blocked.Contains(((long)i << 32) | (uint)j))
                    {
                        trueBlocked++;
                    }
                }

                if (linked)
                {
                    predicted++;
                    if (same)
                    {
                        correct++;
                    }
                }
            }
        }

        var precision = predicted == 0 ? 1 : (double)correct / predicted;
        var recall = truePairs == 0 ? 1 : (double)correct / truePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new EvalResult(name, precision, recall, f1, truePairs == 0 ? 1 : (double)trueBlocked / truePairs, pairs.Count, (int)truePairs, index.Oversized(settings.MaxBlockSize).Count, clock.Elapsed);
    }

    public static EvalResult Run(string file, bool withId, MatchSettings settings, MatchModel? model = null, bool guard = true)
    {
        var (records, candidates) = FebrlData.Load(file, withId);
        return Run($"{file} {(withId ? "with id" : "without id")}", records.Select(r => r.ClusterId).ToArray(), candidates, settings, model, guard);
    }
}
