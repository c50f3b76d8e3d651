using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>The OpenAPI document describes every UCP route with UPT's headers and an example answer.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class OpenApiDocumentTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task Every_ucp_operation_has_an_example_answer_and_the_transaction_header()
    {
        var operations = await OperationsAsync();

        Assert.True(operations.Count >= 17, $"{operations.Count} UCP operations");
        var missing = operations
            .Where(o => o.Operation["responses"]?["200"]?["content"]?["application/json"]?["example"] is not JsonObject example
                || example["TxID"] is null || example["error"] is null)
            .Select(o => o.Name).ToList();
        Assert.Empty(missing);
        Assert.All(operations, o => Assert.Contains(Parameters(o.Operation), p => p == ("aws-tah-tx-id", "header")));
    }

    [Fact]
    public async Task Operations_with_a_body_have_an_example_request()
    {
        var operations = await OperationsAsync();

        var withBody = operations.Where(o => o.Operation["requestBody"]?["content"]?["application/json"] is not null).ToList();
        Assert.Contains(withBody, o => o.Name == "post /api/ucp/merge");
        Assert.Empty(withBody.Where(o => o.Operation["requestBody"]!["content"]!["application/json"]!["example"] is null).Select(o => o.Name));
        var merge = withBody.Single(o => o.Name == "post /api/ucp/merge").Operation["requestBody"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("manual", (string?)merge["mergeRq"]![0]!["mergeContext"]!["mergeType"]);
    }

    [Fact]
    public async Task Domain_routes_document_the_domain_header_and_domain_creation_does_not()
    {
        var operations = await OperationsAsync();

        Assert.Contains(("customer-profiles-domain", "header"), Parameters(operations.Single(o => o.Name == "get /api/ucp/profile").Operation));
        Assert.DoesNotContain(("customer-profiles-domain", "header"), Parameters(operations.Single(o => o.Name == "post /api/ucp/admin").Operation));
        var search = operations.Single(o => o.Name == "get /api/ucp/profile").Operation;
        Assert.Contains("SearchProfile", (string?)search["description"], StringComparison.Ordinal);
        Assert.Equal("403", (string?)search["responses"]!["403"]!["content"]!["application/json"]!["example"]!["error"]!["code"]);
    }

    private async Task<List<(string Name, JsonObject Operation)>> OperationsAsync()
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, "/openapi/v1.json", null), null);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/ucp/", StringComparison.Ordinal) || p.Key == "/api/ucp")
            .SelectMany(p => p.Value!.AsObject()
                .Where(m => m.Key is "get" or "post" or "put" or "delete")
                .Select(m => ($"{m.Key} {p.Key}", m.Value!.AsObject())))
            .ToList();
    }

    private static List<(string?, string?)> Parameters(JsonObject operation) =>
        operation["parameters"]?.AsArray().Select(p => ((string?)p!["name"], (string?)p["in"])).ToList() ?? [];
}
