using Upt.Transforms.Common;

namespace Upt.Grains.Profiles;

/// <summary>
/// Profile ids derive from (domain, traveller id) with a name-based UUID, so that a replay or a lost
/// identifier cache can never split one traveller into two profiles (UPT drew random UUIDs).
/// </summary>
public static class ProfileIds
{
    // Fixed: changing it would re-key every profile.
    private static readonly Guid Namespace = new("6f1c9a52-3f0e-4b8e-9a31-5d7c2e4b8f10");

    /// <summary>The profile id a new traveller gets.</summary>
    public static string ForTraveller(string domain, string travellerId) => NameBasedUuid.Create(Namespace, $"{domain}\n{travellerId}");
}
