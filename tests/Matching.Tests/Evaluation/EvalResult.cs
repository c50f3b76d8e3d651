namespace Upt.Matching.Tests.Evaluation;

/// <summary>Pairwise figures of one evaluation run.</summary>
public sealed record EvalResult(string Name, double Precision, double Recall, double F1, double BlockingRecall, int PairsCompared, int TruePairs, int OversizedBlocks, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Name}: precision {Precision:F4} recall {Recall:F4} F1 {F1:F4} | blocking recall {BlockingRecall:F4} | pairs compared {PairsCompared:N0} (true pairs {TruePairs:N0}, oversized blocks {OversizedBlocks}) | {Elapsed.TotalMilliseconds:F0} ms";
}
