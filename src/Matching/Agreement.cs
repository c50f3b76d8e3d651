namespace Upt.Matching;

/// <summary>How far two values of one field agree: the comparison levels of the Fellegi-Sunter model.</summary>
public enum Agreement
{
    /// <summary>One side (or both) has no usable value: no evidence either way.</summary>
    Missing,

    /// <summary>Equal after normalisation.</summary>
    Exact,

    /// <summary>Differ by what looks like a typo (e.g. Jaro-Winkler ≥ 0.92, one digit, day/month swapped).</summary>
    High,

    /// <summary>Weakly similar (e.g. same phonetic code, same birth year only).</summary>
    Partial,

    /// <summary>Different.</summary>
    Disagree,
}
