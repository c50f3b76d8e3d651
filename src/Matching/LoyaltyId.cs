namespace Upt.Matching;

/// <summary>A loyalty-programme membership id. Ids compare only within the same programme.</summary>
/// <param name="Program">Normalised programme name; empty when the source did not say (treated as one shared programme).</param>
/// <param name="Id">Normalised id (upper-case, letters and digits only).</param>
public readonly record struct LoyaltyId(string Program, string Id);
