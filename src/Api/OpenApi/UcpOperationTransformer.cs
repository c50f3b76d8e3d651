using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Upt.Api.Auth;
using Upt.Api.Hosting;

namespace Upt.Api.OpenApi;

/// <summary>
/// Describes UPT's conventions on every operation, which the handlers implement but the endpoint metadata cannot
/// say: the <c>customer-profiles-domain</c> and <c>aws-tah-tx-id</c> headers, the permission bit, the shared
/// envelope on every status, and an example request and answer from <see cref="UcpExamples"/>.
/// </summary>
internal sealed class UcpOperationTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var permission = metadata.OfType<UcpPermissionMetadata>().LastOrDefault();
        if (permission is null)
        {
            // Health, metrics and the document itself: not UCP routes.
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        if (permission.Scope == PermissionScope.DomainHeader)
        {
            operation.Parameters.Add(Header(UcpContext.DomainHeader, required: true, "The domain (tenant): lower snake case, 3 to 26 characters."));
        }

        operation.Parameters.Add(Header(UcpContext.TxHeader, required: false, "A transaction id (at most 36 characters) echoed in the answer's header and TxID; a new one when absent."));
        var bits = permission.Permission == AppPermission.Public ? "any authenticated caller" : $"the application permission {permission.Permission}";
        operation.Description = string.Join("\n\n", new[] { operation.Description, $"Needs {bits} ({permission.Scope switch
        {
            PermissionScope.DomainHeader => "from app-global-* groups or app-{domain}-* groups of the header's domain",
            PermissionScope.DomainInPath => "from app-global-* groups or app-{domain}-* groups of the domain in the path",
            _ => "from app-global-* groups",
        }})." }.Where(s => !string.IsNullOrEmpty(s)));

        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName ?? operation.OperationId;
        var example = name is null ? null : UcpExamples.For(name);
        if (example?.Request is { } request && operation.RequestBody is { Content: { } content })
        {
            foreach (var media in content.Values)
            {
                media.Example = JsonNode.Parse(request);
            }
        }

        operation.Responses ??= [];
        Respond(operation, "200", "Success: the UPT envelope with the route's keys.", example?.Response ?? """{"TxID": "5f0c3c1e-0000-4000-8000-000000000001", "error": {"code": "", "msg": "", "type": ""}}""");
        Respond(operation, "400", "Validation error (nothing changed).", Error("400", "validation error: ...", "validation_error"));
        Respond(operation, "401", "No valid bearer token.", Error("401", "unauthorized: send a bearer token (Authorization: Bearer <JWT>)", "unauthorized"));
        if (permission.Permission != AppPermission.Public)
        {
            Respond(operation, "403", "The caller's groups lack the permission bit.", Error("403", $"user cannot perform action: {name} (requires {permission.Permission})", "forbidden"));
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static void Respond(OpenApiOperation operation, string status, string description, string example)
    {
        if (operation.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse response)
        {
            response.Description ??= description;
        }
        else
        {
            response = new OpenApiResponse { Description = description };
            operation.Responses[status] = response;
        }

        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!response.Content.TryGetValue(Json, out var media))
        {
            media = new OpenApiMediaType();
            response.Content[Json] = media;
        }

        media.Example = JsonNode.Parse(example);
    }

    private static string Error(string code, string message, string type) =>
        new JsonObject
        {
            ["TxID"] = "5f0c3c1e-0000-4000-8000-000000000001",
            ["error"] = new JsonObject { ["code"] = code, ["msg"] = message, ["type"] = type },
        }.ToJsonString();
}
