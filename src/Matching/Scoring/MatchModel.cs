namespace Upt.Matching.Scoring;

/// <summary>
/// The Fellegi-Sunter model: per-field m/u probabilities, the location cap and the prior. The defaults are fixed
/// constants reasoned from error and collision rates (below), not fitted to any evaluation file.
/// </summary>
public sealed record MatchModel(
    LevelWeights GivenName,
    LevelWeights Surname,
    LevelWeights BirthDate,
    LevelWeights StreetNumber,
    LevelWeights Address,
    LevelWeights City,
    LevelWeights PostalCode,
    LevelWeights State,
    LevelWeights Country,
    LevelWeights LoyaltyId,
    LevelWeights Email,
    LevelWeights Phone,
    double LocationCapBits,
    double LocationCapSharedSurnameBits,
    double LocationFloorBits,
    double PriorLog2Odds)
{
    private static readonly (double, double) None = (0, 0);

    /// <summary>
    /// Default model. m (same person) comes from typical data-entry error rates: a field is typed identically ~85% of
    /// the time, a typo-level difference ~7%, a wholly different value ~5% (nicknames, marriage, moves). u (different
    /// people) is the chance two unrelated travellers collide: ~1% on a given name (popular names each cover about
    /// 1%), ~0.2% on a surname, 1 in 365×80 on a birth date, ~0.2% on a postcode, 1 in 10^6 on a loyalty id.
    /// </summary>
    public static MatchModel Default { get; } = new(
        GivenName: new("given_name", Exact: (0.85, 0.01), High: (0.07, 0.003), Partial: (0.03, 0.03), Disagree: (0.05, 0.957)),
        Surname: new("surname", Exact: (0.85, 0.002), High: (0.07, 0.001), Partial: (0.03, 0.01), Disagree: (0.05, 0.987)),
        // Typos in dates: one digit or day/month swapped ~6%; u of "one digit off" is ~8 positions × 9 digits / 29,200 days.
        BirthDate: new("birth_date", Exact: (0.9, 1.0 / (365 * 80)), High: (0.06, 0.0025), Partial: (0.02, 0.0125), Disagree: (0.02, 0.986)),
        // Street numbers are small integers, so unrelated people share one ~2% of the time.
        StreetNumber: new("street_number", Exact: (0.85, 0.02), High: None, Partial: None, Disagree: (0.15, 0.98)),
        Address: new("address", Exact: (0.7, 0.001), High: (0.15, 0.003), Partial: (0.07, 0.02), Disagree: (0.08, 0.976)),
        City: new("city", Exact: (0.85, 0.005), High: (0.07, 0.002), Partial: (0.03, 0.02), Disagree: (0.05, 0.973)),
        PostalCode: new("postcode", Exact: (0.85, 0.002), High: (0.07, 0.01), Partial: None, Disagree: (0.08, 0.988)),
        // A handful of states: agreement is cheap, disagreement (when not a typo) is telling.
        State: new("state", Exact: (0.95, 0.25), High: (0.02, 0.01), Partial: None, Disagree: (0.03, 0.74)),
        Country: new("country", Exact: (0.98, 0.5), High: None, Partial: None, Disagree: (0.02, 0.5)),
        // A different id in the same programme: the same person holds two accounts ~3% of the time (what dedup exists
        // for), so it is strong but not absolute counter-evidence. A one-character difference (typo, or the next
        // sequential account) is deliberately neutral: High has no weight.
        LoyaltyId: new("loyalty_id", Exact: (0.9, 1e-6), High: None, Partial: None, Disagree: (0.03, 1.0)),
        // People hold several emails/phones, so disagreement is weak; households share them, so agreement is capped near 16 bits.
        Email: new("email", Exact: (0.6, 1e-5), High: None, Partial: None, Disagree: (0.4, 1.0)),
        Phone: new("phone", Exact: (0.6, 1e-5), High: None, Partial: None, Disagree: (0.4, 1.0)),
        // Address fields describe one place and are strongly correlated, so their sum is capped at the chance that two
        // unrelated people share an address (~1 in 65,000 ≈ 16 bits). The floor is a move: ~1 in 16 records is older than a move.
        LocationCapBits: 16,
        // Household members share surname and address, so once the surname agrees a shared address says much less:
        // among different people with the same surname, sharing an address is ~1 in 250 (≈ 8 bits), not 1 in 65,000.
        // Without this, two relatives with no birth dates would merge on surname + address alone.
        LocationCapSharedSurnameBits: 8,
        LocationFloorBits: -4,
        // Prior odds that a blocked candidate pair is the same person: about 1 in 1,000.
        PriorLog2Odds: -10);
}
