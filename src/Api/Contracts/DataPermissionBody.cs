using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>The body of <c>POST /api/ucp/dataPermission</c>: <c>{"dataPermission": {"group": "...", "permission": "..."}}</c>.</summary>
public sealed record DataPermissionBody([property: JsonPropertyName("dataPermission")] DataPermissionView? DataPermission);
