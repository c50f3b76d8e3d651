using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>pax_profile</c> and <c>guest_profile</c> (UPT §4.2, §4.3): one profile record plus contacts, loyalty, transactions and alternate ids.</summary>
internal static class ProfileTransformer
{
    public static void RunPax(TransformContext ctx, RecordLists lists) => Run(ctx, lists, isPax: true);

    public static void RunGuest(TransformContext ctx, RecordLists lists) => Run(ctx, lists, isPax: false);

    private static void Run(TransformContext ctx, RecordLists lists, bool isPax)
    {
        var p = ctx.Data;
        var id = Json.Text(p, "id");

        // UPT draws a random UUID for an id-less profile, so every replay creates a new profile (§9 B8).
        var travellerId = id.Length > 0 ? id : ctx.FallbackId("profile");
        ctx.CurrentTravellerId = travellerId;
        var modelVersion = Json.Str(p, "modelVersion");
        var lastUpdatedOn = Json.Str(p, "lastUpdatedOn");
        var stamp = ctx.LastUpdated(lastUpdatedOn);
        var parent = new ContactRecords.Parent(modelVersion, Json.Str(p, "lastUpdatedBy"), stamp);

        var rec = RecordStart.New(isPax ? FlatRecordTypes.PaxProfile : FlatRecordTypes.GuestProfile, modelVersion, ctx);
        if (isPax)
        {
            rec["id"] = id;
        }

        rec["last_updated"] = stamp.LastUpdated;
        rec["created_on"] = Json.Str(p, "createdOn");
        rec["last_updated_by"] = parent.LastUpdatedBy;
        rec["created_by"] = Json.Str(p, "createdBy");
        PersonFields.AddNames(rec, p);
        PersonFields.AddNationalityAndLanguage(rec, p);
        PersonFields.AddEmailSummary(rec, p);
        PersonFields.AddPhoneSummary(rec, p);
        AddressFields.AddPersonAddresses(rec, p, includeBillingSlot: true);
        rec["traveller_id"] = travellerId;
        rec["accp_object_id"] = travellerId;
        rec["last_updated_partition"] = stamp.Partition;
        rec["extended_data"] = ExtendedData.Encode(p);
        lists[isPax ? "air_profile_recs" : "guest_profile_recs"].Add(rec);

        ContactRecords.AddEmails(lists["common_email_recs"], p, travellerId, parent, withVerified: false, ctx);
        ContactRecords.AddPhones(lists["common_phone_recs"], p, travellerId, parent, withVerified: false, ctx);
        LoyaltyRecords.Add(
            lists[isPax ? "air_loyalty_recs" : "hotel_loyalty_recs"],
            p,
            travellerId,
            parent,
            isPax ? LoyaltyRecords.Shape.AirShort : LoyaltyRecords.Shape.Hotel,
            ctx,
            lists[isPax ? "air_loyalty_tx_recs" : "hotel_loyalty_tx_recs"],
            isPax ? LoyaltyTransactionRecords.Source.Pax : LoyaltyTransactionRecords.Source.Guest);
        AlternateIdRecords.Add(lists["alternate_profile_id_recs"], p, travellerId, modelVersion, lastUpdatedOn, ctx);
    }
}
