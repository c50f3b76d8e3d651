using System.Globalization;
using System.Text.RegularExpressions;
using static Upt.Deploy.Tests.K8s;
using static Upt.Deploy.Tests.Rendered;

namespace Upt.Deploy.Tests;

/// <summary>Every setting the silo and the API read is set on their containers; ports and probes match what they serve.</summary>
public sealed partial class AppSettingsTests
{
    public static readonly TheoryData<string> Overlays = new("dev", "prod");

    [Theory, MemberData(nameof(Overlays))]
    public void Silo_gets_every_setting_the_code_reads(string overlay)
    {
        var r = Rendered.Of(overlay);
        var env = Env.Of(r, Container(r.Single("Deployment", Silo), "silo"));

        Assert.Equal(EnvVar.Secret, Get(env, "Postgres__ConnectionString").Source);
        Assert.True(bool.TryParse(Value(env, "Postgres__MigrateOnStart"), out _), "Postgres__MigrateOnStart must be true or false");
        Assert.NotEmpty(Value(env, "Orleans__ClusterId"));
        Assert.NotEmpty(Value(env, "Orleans__ServiceId"));
        Assert.Equal("11111", Value(env, "Orleans__SiloPort"));
        Assert.Equal("30000", Value(env, "Orleans__GatewayPort"));
        AssertField(env, "Orleans__AdvertisedIPAddress", "status.podIP");
        Assert.NotEmpty(Value(env, "Kinesis__StreamName"));
        Assert.True(Get(env, "Kinesis__ServiceUrl").Value is not null, "Kinesis__ServiceUrl must be set (empty = AWS)");
        Assert.Matches(RegionPattern(), Value(env, "Kinesis__Region"));
        Assert.True(int.Parse(Value(env, "Kinesis__QueueCount"), CultureInfo.InvariantCulture) > 0);
        Assert.NotEmpty(Value(env, "ASPNETCORE_URLS"));

        // The raw backup (src/Grains/Ingest/Backup/BackupOptions.cs): off, or a bucket; a pod's folder does not outlive it.
        var backup = Value(env, "Backup__Target");
        Assert.True(backup.Length == 0 || backup.StartsWith("s3://", StringComparison.Ordinal), $"Backup__Target {backup} must be empty or s3://bucket[/prefix]");

        // Orleans' Kubernetes hosting.
        AssertField(env, "POD_NAME", "metadata.name");
        AssertField(env, "POD_NAMESPACE", "metadata.namespace");
        AssertField(env, "POD_IP", "status.podIP");
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Api_gets_every_setting_the_code_reads(string overlay)
    {
        var r = Rendered.Of(overlay);
        var env = Env.Of(r, Container(r.Single("Deployment", Api), "api"));

        Assert.Equal(EnvVar.Secret, Get(env, "Postgres__ConnectionString").Source);
        Assert.NotEmpty(Value(env, "Orleans__ClusterId"));
        Assert.NotEmpty(Value(env, "Orleans__ServiceId"));
        Assert.NotEmpty(Value(env, "ASPNETCORE_URLS"));
        Assert.False(env.ContainsKey("Kinesis__StreamName"), "the API does not consume Kinesis");

        // Auth (src/Api/Auth/AuthOptions.cs): on, with an issuer and an audience; never the local dev issuer.
        Assert.True(!env.ContainsKey("Auth__Enabled") || Value(env, "Auth__Enabled") == "true", "Auth__Enabled must not turn auth off on Kubernetes");
        var authority = Value(env, "Auth__Authority");
        Assert.True(Uri.TryCreate(authority, UriKind.Absolute, out var issuer) && issuer.Scheme is "https" or "http", $"Auth__Authority {authority} is not an http(s) URL");
        if (issuer.Scheme == "http")
        {
            Assert.Equal("false", Value(env, "Auth__RequireHttpsMetadata"));
        }

        Assert.NotEmpty(Value(env, "Auth__Audience"));
        Assert.NotEmpty(Value(env, "Auth__GroupsClaim"));
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("Auth__Development__", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Silos_api_and_pod_labels_name_one_cluster(string overlay)
    {
        var r = Rendered.Of(overlay);
        var silo = r.Single("Deployment", Silo);
        var siloEnv = Env.Of(r, Container(silo, "silo"));
        var apiEnv = Env.Of(r, Container(r.Single("Deployment", Api), "api"));
        var clusterId = Value(siloEnv, "Orleans__ClusterId");
        var serviceId = Value(siloEnv, "Orleans__ServiceId");

        Assert.Equal(clusterId, Value(apiEnv, "Orleans__ClusterId"));
        Assert.Equal(serviceId, Value(apiEnv, "Orleans__ServiceId"));
        Assert.Equal(Get(siloEnv, "Postgres__ConnectionString").Reference, Get(apiEnv, "Postgres__ConnectionString").Reference);

        // Kubernetes hosting overrides ClusterOptions with ORLEANS_* when set, and selects pods by these labels.
        if (siloEnv.ContainsKey("ORLEANS_CLUSTER_ID"))
        {
            Assert.Equal(clusterId, Value(siloEnv, "ORLEANS_CLUSTER_ID"));
        }

        if (siloEnv.ContainsKey("ORLEANS_SERVICE_ID"))
        {
            Assert.Equal(serviceId, Value(siloEnv, "ORLEANS_SERVICE_ID"));
        }

        var labels = TemplateLabels(silo);
        Assert.Equal(clusterId, labels.GetValueOrDefault("orleans/clusterId"));
        Assert.Equal(serviceId, labels.GetValueOrDefault("orleans/serviceId"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Kinesis_endpoint_and_credentials_fit_the_overlay(string overlay)
    {
        var r = Rendered.Of(overlay);
        var env = Env.Of(r, Container(r.Single("Deployment", Silo), "silo"));
        var serviceUrl = Value(env, "Kinesis__ServiceUrl");

        // Web-identity (IRSA) credentials ask STS in AWS_REGION.
        Assert.Equal(Value(env, "Kinesis__Region"), Value(env, "AWS_REGION"));
        if (overlay == "prod")
        {
            Assert.Equal("", serviceUrl);
            Assert.False(env.ContainsKey("AWS_ACCESS_KEY_ID"), "prod takes AWS credentials from web identity (IRSA), not static keys");
            Assert.False(env.ContainsKey("AWS_ROLE_ARN"), "EKS injects AWS_ROLE_ARN from the service account annotation");
        }
        else
        {
            Assert.True(Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"dev Kinesis__ServiceUrl {serviceUrl} is not an http(s) URL");
            Assert.NotEmpty(Value(env, "AWS_ACCESS_KEY_ID"));
            Assert.NotEmpty(Value(env, "AWS_SECRET_ACCESS_KEY"));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Container_ports_match_what_the_apps_listen_on(string overlay)
    {
        var r = Rendered.Of(overlay);
        foreach (var (deployment, container) in new[] { (Silo, "silo"), (Api, "api") })
        {
            var c = Container(r.Single("Deployment", deployment), container);
            var env = Env.Of(r, c);
            Assert.Equal(8080, UrlPort(Value(env, "ASPNETCORE_URLS")));
            Assert.Equal(8080, NamedPort(c, "http"));
        }

        var silo = Container(r.Single("Deployment", Silo), "silo");
        var siloEnv = Env.Of(r, silo);
        Assert.Equal(long.Parse(Value(siloEnv, "Orleans__SiloPort"), CultureInfo.InvariantCulture), NamedPort(silo, "silo"));
        Assert.Equal(long.Parse(Value(siloEnv, "Orleans__GatewayPort"), CultureInfo.InvariantCulture), NamedPort(silo, "gateway"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Probes_hit_the_health_endpoints_the_apps_map(string overlay)
    {
        var r = Rendered.Of(overlay);
        foreach (var (deployment, container, program) in new[] { (Silo, "silo", "src/Silo/Program.cs"), (Api, "api", "src/Api/Program.cs") })
        {
            var source = Repo.Read(program);
            Assert.Contains("MapHealthChecks(\"/health/live\"", source, StringComparison.Ordinal);
            Assert.Contains("MapHealthChecks(\"/health/ready\"", source, StringComparison.Ordinal);

            var c = Container(r.Single("Deployment", deployment), container);
            var http = NamedPort(c, "http");
            foreach (var (probe, paths) in new[] { ("readinessProbe", new[] { "/health/ready" }), ("livenessProbe", ["/health/live"]), ("startupProbe", ["/health/live", "/health/ready"]) })
            {
                var get = c[probe]?["httpGet"] ?? throw new Xunit.Sdk.XunitException($"{overlay}: {deployment} has no {probe} with httpGet");
                Assert.Contains(Str(get["path"]), paths);
                Assert.Equal(http, ResolvePort(c, get["port"]));
            }
        }
    }

    private static EnvVar Get(IReadOnlyDictionary<string, EnvVar> env, string name) =>
        env.TryGetValue(name, out var v) ? v : throw new Xunit.Sdk.XunitException($"{name} is not set on the container");

    private static string Value(IReadOnlyDictionary<string, EnvVar> env, string name) =>
        Get(env, name).Value ?? throw new Xunit.Sdk.XunitException($"{name} comes from {Get(env, name).Source} {Get(env, name).Reference}; its value is not in the render");

    private static void AssertField(IReadOnlyDictionary<string, EnvVar> env, string name, string fieldPath)
    {
        var v = Get(env, name);
        Assert.True(v.Source == EnvVar.Field && v.Reference == fieldPath, $"{name} must come from the downward API ({fieldPath}), not {v.Source} {v.Reference}{v.Value}");
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();
}
