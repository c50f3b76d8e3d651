using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>
/// A data-access permission string and the group that holds it (<c>ucp-{domain}-admin</c> or
/// <c>ucp-{domain}-admin-{suffix}</c>); UPT kept it in the Cognito group's description.
/// </summary>
public sealed record DataPermissionView(
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("permission")] string? Permission);
