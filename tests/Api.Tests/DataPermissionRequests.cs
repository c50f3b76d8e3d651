using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>Requests of <c>/api/ucp/dataPermission</c>, and tokens whose data groups hold given permissions.</summary>
public static class DataPermissionRequests
{
    public static HttpRequestMessage List(string domain) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/dataPermission", domain);

    public static HttpRequestMessage Save(string domain, string group, string permission) =>
        ApiRequests.Request(HttpMethod.Post, "/api/ucp/dataPermission", domain, new JsonObject
        {
            ["dataPermission"] = new JsonObject { ["group"] = group, ["permission"] = permission },
        });

    public static HttpRequestMessage Delete(string domain, string group) =>
        ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/dataPermission/{Uri.EscapeDataString(group)}", domain);

    /// <summary>Saves a grant as a global admin; fails the test on any answer but 200.</summary>
    public static async Task SaveAsync(AuthClusterFixture fixture, string domain, string group, string permission)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, Save(domain, group, permission), await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        Assert.True(answer.Status == 200, $"saving {group}: {answer}");
    }

    /// <summary>One fresh data group of <paramref name="domain"/> per permission, saved.</summary>
    public static async Task<IReadOnlyList<string>> DataGroupsAsync(AuthClusterFixture fixture, string domain, params string[] permissions)
    {
        var groups = new List<string>();
        foreach (var permission in permissions)
        {
            var group = $"ucp-{domain}-admin-{Guid.NewGuid():N}"[..(domain.Length + 20)];
            await SaveAsync(fixture, domain, group, permission);
            groups.Add(group);
        }

        return groups;
    }

    /// <summary>
    /// A token with the SearchProfile bit in <paramref name="domain"/> and one fresh data group per permission, so
    /// that the caller's access is exactly the union of <paramref name="permissions"/>.
    /// </summary>
    public static async Task<string> SearcherAsync(AuthClusterFixture fixture, string domain, params string[] permissions) =>
        await fixture.TokenAsync([$"app-{domain}-agents/1", .. await DataGroupsAsync(fixture, domain, permissions)]);
}
