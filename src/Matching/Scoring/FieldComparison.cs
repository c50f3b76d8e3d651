namespace Upt.Matching.Scoring;

/// <summary>One field's contribution to a <see cref="MatchScore"/>.</summary>
/// <param name="Field">Field name.</param>
/// <param name="Level">Agreement level found.</param>
/// <param name="Weight">Evidence in bits (log2 likelihood ratio); positive favours a match.</param>
public sealed record FieldComparison(string Field, Agreement Level, double Weight);
