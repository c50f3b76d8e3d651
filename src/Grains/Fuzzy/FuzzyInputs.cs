using Upt.Grains.Profiles;
using Upt.Storage;

namespace Upt.Grains.Fuzzy;

/// <summary>
/// Builds a profile's <see cref="MatchInput"/> the same way wherever it comes from (a live view plus its lookup rows, or
/// a stored <see cref="ProfileState"/>), so a block member rebuilt after a restart scores exactly as when it was offered.
/// </summary>
internal static class FuzzyInputs
{
    /// <summary>The input of a stored profile state (fields jsonb of <c>upt_profiles</c>).</summary>
    public static MatchInput FromStateJson(string fieldsJson) => FromState(ProfileState.FromJson(fieldsJson));

    /// <summary>The input of a profile state; its loyalty ids are its loyalty lookup values.</summary>
    public static MatchInput FromState(ProfileState state) =>
        MatchInput.Of(state.Values(), LoyaltyOf(LookupValues.Of(state)));

    /// <summary>The input of a profile's current fields and its lookup rows.</summary>
    public static MatchInput FromView(ProfileView view, IEnumerable<LookupRow> lookups) => MatchInput.Of(view.Fields, LoyaltyOf(lookups));

    /// <summary>The input of a profile's current fields, its lookup rows read from the store.</summary>
    public static async Task<MatchInput> FromViewAsync(ProfileStore profiles, ProfileView view, CancellationToken cancellationToken) =>
        FromView(view, await profiles.GetLookupsAsync(view.Domain, view.ProfileId, cancellationToken));

    // Lookup rows hold the loyalty ids normalised (objects' ids and the loyalty_id attribute alike), one source for both paths.
    private static IEnumerable<string> LoyaltyOf(IEnumerable<LookupRow> lookups) =>
        lookups.Where(l => l.Kind == IdentifierKinds.Loyalty).Select(l => l.Value);
}
