using Upt.Transforms.Records;

namespace Upt.Rules;

/// <summary>The rules every new domain starts with, saved and activated as version 1.</summary>
public static class DefaultRuleSets
{
    /// <summary>Name of UPT's default rule.</summary>
    public const string AlternateProfileIdRuleName = "merge_same_alternate_profile_ids";

    /// <summary>Name of Upt's airline loyalty rule.</summary>
    public const string AirLoyaltyIdRuleName = "merge_same_air_loyalty_ids";

    /// <summary>Name of Upt's hotel loyalty rule.</summary>
    public const string HotelLoyaltyIdRuleName = "merge_same_hotel_loyalty_ids";

    /// <summary>
    /// Two object-level rules on deterministic external ids, which never link two different people by coincidence the
    /// way names or shared family e-mails can:
    /// <list type="number">
    /// <item><c>merge_same_alternate_profile_ids</c> (UPT's default): <c>alternate_profile_id</c> records with the same
    /// name and value. The transforms emit each alternate id twice, once on the traveller and once on a hub profile
    /// keyed <c>name_value</c>, so every traveller carrying the id merges into that hub (upt-core §3.3).</item>
    /// <item><c>merge_same_air_loyalty_ids</c> and <c>merge_same_hotel_loyalty_ids</c>: <c>air_loyalty</c> (or
    /// <c>hotel_loyalty</c>) records with the same membership <c>id</c>. A loyalty number is issued to one member, so
    /// the sources that know the member by it (bookings, stays, profiles from different systems) end up on one
    /// profile. The id alone, because sources often leave the programme name out; air and hotel stay separate rules
    /// because an airline's and a hotel chain's numbering are unrelated.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<Rule> Rules { get; } =
    [
        SameFields(0, AlternateProfileIdRuleName, "Merge profiles sharing an alternate profile id (name and value)",
            FlatRecordTypes.AlternateProfileId, "name", "value"),
        SameFields(1, AirLoyaltyIdRuleName, "Merge profiles sharing an airline loyalty id",
            FlatRecordTypes.AirLoyalty, "id"),
        SameFields(2, HotelLoyaltyIdRuleName, "Merge profiles sharing a hotel loyalty id",
            FlatRecordTypes.HotelLoyalty, "id"),
    ];

    private static Rule SameFields(int index, string name, string description, string type, params string[] fields) => new()
    {
        Index = index,
        Name = name,
        Description = description,
        Conditions = fields.Select((f, i) => new Condition
        {
            Index = i,
            ConditionType = ConditionTypes.Match,
            IncomingObjectType = type,
            IncomingObjectField = f,
            IndexNormalization = IndexNormalization.Default,
        }).ToArray(),
    };
}
