using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;

namespace Upt.Transforms.Objects;

/// <summary>The four address slots and the payment block (UPT §3.7).</summary>
internal static class AddressFields
{
    private static readonly string[] Parts = ["line1", "line2", "line3", "line4", "city", "state", "province", "postal_code", "country"];

    public static void InitSlot(JsonObject rec, string prefix)
    {
        foreach (var part in Parts)
        {
            rec[prefix + part] = string.Empty;
        }

        rec[prefix + "is_primary"] = false;
    }

    public static void FillSlot(JsonObject rec, string prefix, JsonElement address)
    {
        rec[prefix + "line1"] = Json.Str(address, "line1");
        rec[prefix + "line2"] = Json.Str(address, "line2");
        rec[prefix + "line3"] = Json.Str(address, "line3");
        rec[prefix + "line4"] = Json.Str(address, "line4");
        rec[prefix + "city"] = Json.Str(address, "city");
        rec[prefix + "state"] = Json.Nested(address, "state", "code");
        rec[prefix + "province"] = Json.Nested(address, "province", "code");
        rec[prefix + "postal_code"] = Json.Str(address, "postalCode");
        rec[prefix + "country"] = Json.Nested(address, "country", "code");

        // UPT copies the raw primary value without coercion; kept so the stored value matches.
        var primary = Json.Get(address, "primary");
        rec[prefix + "is_primary"] = primary.ValueKind == JsonValueKind.Undefined ? false : Json.ToNode(primary);
    }

    /// <summary>
    /// Default, business and mailing slots from <c>addresses[]</c>. Shipping addresses have no slot (UPT, kept);
    /// <c>address_type</c> is absent when there are no addresses.
    /// </summary>
    public static void AddPersonAddresses(JsonObject rec, JsonElement person, bool includeBillingSlot)
    {
        InitSlot(rec, "address_");
        if (includeBillingSlot)
        {
            InitSlot(rec, "address_billing_");
        }

        InitSlot(rec, "address_business_");
        InitSlot(rec, "address_mailing_");
        string? lastType = null;
        foreach (var raw in Json.List(person, "addresses"))
        {
            var a = Json.Item(raw, "addresses");
            var type = Json.Text(a, "type").ToLowerInvariant();
            lastType = type;
            switch (type)
            {
                case "business": FillSlot(rec, "address_business_", a); break;
                case "mailing": FillSlot(rec, "address_mailing_", a); break;
                case "shipping": break;
                default: FillSlot(rec, "address_", a); break;
            }
        }

        if (lastType is not null)
        {
            rec["address_type"] = lastType;
        }
    }

    /// <summary>
    /// Payment fields and the billing slot. Two deliberate fixes: the CVV is never carried (emitted as "", key kept
    /// for record-shape compatibility) and a blank <c>ccInfo.address</c> no longer hides <c>paymentInformation.address</c>.
    /// </summary>
    public static void AddPayment(JsonObject rec, JsonElement owner)
    {
        var payment = Json.Object(owner, "paymentInformation");
        var cc = Json.Object(payment, "ccInfo");
        rec["payment_type"] = Json.Str(payment, "paymentType");
        rec["cc_token"] = Json.Str(cc, "token");
        rec["cc_type"] = Json.Str(cc, "cardType");
        rec["cc_exp"] = Json.Str(cc, "cardExp");
        rec["cc_cvv"] = string.Empty;
        rec["cc_name"] = Json.Str(cc, "name");
        var ccAddress = Json.Object(cc, "address");
        var billing = !IsBlank(ccAddress) ? ccAddress : Json.Object(payment, "address");
        if (billing.ValueKind == JsonValueKind.Object)
        {
            FillSlot(rec, "address_billing_", billing);
        }
        else
        {
            InitSlot(rec, "address_billing_");
        }
    }

    /// <summary>An address object with no text in any part (UPT producers send such placeholders).</summary>
    public static bool IsBlank(JsonElement address)
    {
        if (address.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        foreach (var field in (ReadOnlySpan<string>)["line1", "line2", "line3", "line4", "city", "postalCode"])
        {
            if (!string.IsNullOrEmpty(Json.Str(address, field)))
            {
                return false;
            }
        }

        foreach (var field in (ReadOnlySpan<string>)["state", "province", "country"])
        {
            if (!string.IsNullOrEmpty(Json.Nested(address, field, "code")))
            {
                return false;
            }
        }

        return true;
    }
}
