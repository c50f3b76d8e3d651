using Upt.Transforms.Records;

namespace Upt.Cli.Produce;

/// <summary>Guesses the business object type of a JSONL file from its name, as the files in <c>shared/upt/batch</c> are named.</summary>
internal static class ObjectTypeNames
{
    // Short names used by UPT's sample batch files for two of the types.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["csi"] = BusinessObjectTypes.CustomerServiceInteraction,
        ["ancillary"] = BusinessObjectTypes.AirBooking,
    };

    /// <summary>The type named by the file (<c>hotel_booking_customer_1.jsonl</c> → <c>hotel_booking</c>), or null.</summary>
    public static string? FromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var known = BusinessObjectTypes.All
            .Where(t => name == t || name.StartsWith(t + "_", StringComparison.Ordinal))
            .OrderByDescending(t => t.Length)
            .FirstOrDefault();
        if (known is not null)
        {
            return known;
        }

        var head = name.Split('_')[0];
        return Aliases.GetValueOrDefault(name) ?? Aliases.GetValueOrDefault(head);
    }
}
