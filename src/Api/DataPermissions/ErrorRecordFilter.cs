using Upt.DataPermissions;
using Upt.Grains;

namespace Upt.Api.DataPermissions;

/// <summary>
/// Error records as a caller without <c>*/*</c> may see them: only records of an object type it may see, and never
/// the raw record (it holds whatever the producer sent, fields the caller's grants hide included).
/// </summary>
public static class ErrorRecordFilter
{
    /// <summary>How many of the newest records are read to find the visible ones; the total counts visible records among them.</summary>
    public const int Scan = 10_000;

    private const int Chunk = 1_000;

    /// <summary>True when a record of <paramref name="objectType"/> (a business object or record type) may be listed.</summary>
    public static bool Shows(DataAccess access, string? objectType)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsAdmin || (!string.IsNullOrEmpty(objectType) && DataObjects.IsKnown(objectType) && access.CanSee(objectType));
    }

    /// <summary>Page <paramref name="page"/> of the visible records (raw record blanked), with their number.</summary>
    public static async Task<ErrorPage> PageAsync(IDomainGrain domain, DataAccess access, int page, int pageSize, string? travellerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var visible = new List<ErrorRecordView>();
        if (!DataObjects.Names.Any(n => Shows(access, n)))
        {
            return new ErrorPage(visible, 0);
        }

        for (var chunk = 0; chunk * Chunk < Scan; chunk++)
        {
            var part = await domain.ListErrorsAsync(chunk, Chunk, travellerId, cancellationToken);
            visible.AddRange(part.Items.Where(e => Shows(access, e.ObjectType)).Select(e => e with { Raw = "" }));
            if (part.Items.Count < Chunk)
            {
                break;
            }
        }

        return new ErrorPage(visible.Skip(page * pageSize).Take(pageSize).ToList(), visible.Count);
    }
}
