using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Upt.DevInfra;

namespace Upt.Cli.Tests;

/// <summary>
/// The whole local stack as `upt run` starts it: fresh PostgreSQL and kinesalite, one silo and the API as real
/// processes from the Release build (`./upt test` builds it first).
/// </summary>
public sealed class LocalClusterSmokeTests
{
    [Fact]
    public async Task One_silo_and_the_api_serve_a_new_domain_and_stop_cleanly()
    {
        var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Silos = 1, Shards = 2, StreamName = "smoke" },
            cancellationToken: TestContext.Current.CancellationToken);
        var dataDirectory = cluster.DataDirectory;
        var processes = new List<UptProcess>();
        await using (cluster)
        {
            processes.AddRange(cluster.Silos.Select(s => s.Process!));
            processes.Add(cluster.Api!);
            Assert.All(processes, p => Assert.False(p.HasExited));

            using var http = new HttpClient { BaseAddress = cluster.ApiUrl };
            var body = new JsonObject { ["domain"] = new JsonObject { ["customerProfileDomain"] = "smoke_domain" } };
            using (var created = await http.PostAsJsonAsync("/api/ucp/admin", body, TestContext.Current.CancellationToken))
            {
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ucp/admin/smoke_domain");
            request.Headers.Add("customer-profiles-domain", "smoke_domain");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
            Assert.Equal("smoke_domain", (string?)json?["config"]?["domains"]?[0]?["customerProfileDomain"]);

            using var kinesis = cluster.CreateKinesisClient();
            var summary = await kinesis.DescribeStreamSummaryAsync("smoke", TestContext.Current.CancellationToken);
            Assert.Equal(2, summary.OpenShardCount);
        }

        Assert.All(processes, p => Assert.True(p.HasExited));
        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public async Task A_killed_silo_restarts_on_its_ports()
    {
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions { Silos = 1, StartApi = false, Shards = 1 },
            cancellationToken: TestContext.Current.CancellationToken);
        var silo = cluster.Silos[0];

        await cluster.KillSiloAsync(0);
        Assert.False(silo.IsRunning);

        await cluster.StartSiloAsync(0, TestContext.Current.CancellationToken);
        Assert.True(silo.IsRunning);
        Assert.Contains($"=== {silo.Name} starting", File.ReadAllText(silo.LogFile), StringComparison.Ordinal);
    }
}
