namespace Upt.Grains;

/// <summary>
/// A data-access permission string (UPT's grammar, e.g. <c>traveller/*,birthDate</c>) held by a group
/// (<c>ucp-{domain}-admin</c> or <c>ucp-{domain}-admin-{suffix}</c>). UPT kept it in the Cognito group's description.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.data-permission-grant")]
public sealed record DataPermissionGrant(
    [property: Id(0)] string Group,
    [property: Id(1)] string Permission);
