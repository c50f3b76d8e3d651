using System.Text.RegularExpressions;

namespace Upt.Transforms.Common;

/// <summary>UPT's permissive email check (full match; TLD may contain '|', §9 B14 kept for compatibility).</summary>
internal static partial class Emails
{
    public static string Validate(string address)
    {
        if (!Pattern().IsMatch(address))
        {
            throw new TransformException("Email field contains invalid email format");
        }

        return address;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Z|a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
