using System.Text.Json;
using Upt.Transforms.Common;
using Upt.Transforms.Envelope;
using Upt.Transforms.Objects;
using Upt.Transforms.Records;

namespace Upt.Transforms;

/// <summary>
/// Explodes one UPT business object into flat records. All-or-nothing: any failure yields an error and no records
/// (UPT returns whatever it had emitted before the failure, §3.9).
/// </summary>
public static class BusinessObjectTransformer
{
    /// <summary>Transforms <paramref name="data"/> of type <paramref name="objectType"/> (one of <see cref="BusinessObjectTypes.All"/>).</summary>
    public static TransformResult Transform(string objectType, JsonElement data, TransformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Action<TransformContext, RecordLists>? run = objectType switch
        {
            BusinessObjectTypes.AirBooking => AirBookingTransformer.Run,
            BusinessObjectTypes.PaxProfile => ProfileTransformer.RunPax,
            BusinessObjectTypes.GuestProfile => ProfileTransformer.RunGuest,
            BusinessObjectTypes.HotelBooking => HotelBookingTransformer.Run,
            BusinessObjectTypes.HotelStay => HotelStayTransformer.Run,
            BusinessObjectTypes.CustomerServiceInteraction => CustomerServiceInteractionTransformer.Run,
            BusinessObjectTypes.Clickstream => ClickstreamTransformer.Run,
            _ => null,
        };
        if (run is null)
        {
            return Fail($"('Unknown object type', '{objectType}')", "unknown", null);
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            return Fail($"data must be an object, got {Json.KindName(data)}", objectType, null);
        }

        var ctx = new TransformContext(objectType, data, options);
        var lists = new RecordLists(objectType);
        try
        {
            run(ctx, lists);
        }
        catch (TransformException ex)
        {
            return Fail(ex.Message, objectType, ctx.CurrentTravellerId);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            // Defensive: a shape we did not anticipate must still reject the object rather than crash the consumer.
            return Fail($"unexpected input shape: {ex.Message}", objectType, ctx.CurrentTravellerId);
        }

        var groups = lists.ToGroups();
        if (!groups.Any(g => g.Records.Count > 0))
        {
            return Fail("Transformation resulted in 0 profile objects", objectType, ctx.CurrentTravellerId);
        }

        return TransformResult.Success(groups);
    }

    /// <summary>Parses <paramref name="utf8Json"/> (one business object) and transforms it.</summary>
    public static TransformResult Transform(string objectType, ReadOnlySpan<byte> utf8Json, TransformOptions options)
    {
        if (utf8Json.Length > EnvelopeParser.MaxRecordBytes)
        {
            return Fail($"record of {utf8Json.Length} bytes exceeds the maximum of {EnvelopeParser.MaxRecordBytes}", objectType, null);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException ex)
        {
            return Fail($"invalid JSON: {ex.Message}", objectType, null);
        }

        using (doc)
        {
            return Transform(objectType, doc.RootElement, options);
        }
    }

    private static TransformResult Fail(string message, string objectType, string? travellerId) =>
        TransformResult.Failure(new TransformError(TransformErrorCategories.TransformerException, message, objectType, travellerId));
}
