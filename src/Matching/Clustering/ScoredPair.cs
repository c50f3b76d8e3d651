namespace Upt.Matching.Clustering;

/// <summary>A compared pair of items (indexes into the caller's list) and its score.</summary>
public readonly record struct ScoredPair(int A, int B, double Score);
