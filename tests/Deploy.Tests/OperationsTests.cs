using System.Globalization;
using static Upt.Deploy.Tests.K8s;
using static Upt.Deploy.Tests.Rendered;

namespace Upt.Deploy.Tests;

/// <summary>RBAC for Orleans' Kubernetes hosting, security contexts, resources, and what prod and dev promise.</summary>
public sealed class OperationsTests
{
    public static readonly TheoryData<string> Overlays = new("dev", "prod");

    /// <summary>What Microsoft.Orleans.Hosting.Kubernetes calls on pods: read its own pod, label it, list and watch the cluster's pods.</summary>
    private static readonly string[] HostingVerbs = ["get", "list", "watch", "patch"];

    [Theory, MemberData(nameof(Overlays))]
    public void Silo_role_grants_what_orleans_kubernetes_hosting_uses_and_no_more(string overlay)
    {
        var r = Rendered.Of(overlay);
        var silo = r.Single("Deployment", Silo);
        var account = Str(PodSpec(silo)["serviceAccountName"])!;
        Assert.NotEqual("false", Str(PodSpec(silo)["automountServiceAccountToken"]));
        Assert.NotEqual("false", Str(r.Single("ServiceAccount", account)["automountServiceAccountToken"]));

        var binding = Assert.Single(r.OfKind("RoleBinding"), b => Items(b["subjects"]).Any(s => Str(s["kind"]) == "ServiceAccount" && Str(s["name"]) == account));
        Assert.Equal("Role", Str(binding["roleRef"]!["kind"]));
        var role = r.Single("Role", Str(binding["roleRef"]!["name"])!);

        var rule = Assert.Single(Items(role["rules"]));
        Assert.Equal([""], Strings(rule["apiGroups"]));
        Assert.Equal(["pods"], Strings(rule["resources"]));
        // Pod deletion is only used with KubernetesHostingOptions.DeleteDefunctSiloPods, which Upt leaves off.
        var setup = Repo.Read("src/Silo/Hosting/SiloSetup.cs");
        Assert.Contains("UseKubernetesHosting()", setup, StringComparison.Ordinal);
        var expected = setup.Contains("DeleteDefunctSiloPods", StringComparison.Ordinal) ? HostingVerbs.Append("delete") : HostingVerbs;
        Assert.Equal(expected.Order(), Strings(rule["verbs"]).Order());

        Assert.Empty(r.OfKind("ClusterRole"));
        Assert.Empty(r.OfKind("ClusterRoleBinding"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Pods_that_do_not_call_the_kubernetes_api_get_no_token(string overlay)
    {
        var r = Rendered.Of(overlay);
        foreach (var owner in new[] { r.Single("Deployment", Api), r.Single("Job", MigrateJob) })
        {
            var account = r.Single("ServiceAccount", Str(PodSpec(owner)["serviceAccountName"])!);
            Assert.True(Str(PodSpec(owner)["automountServiceAccountToken"]) == "false" || Str(account["automountServiceAccountToken"]) == "false",
                $"{overlay}: {Name(owner)} mounts a service account token it does not use");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Pods_run_as_non_root_with_a_read_only_root_filesystem(string overlay)
    {
        var r = Rendered.Of(overlay);
        foreach (var (owner, _) in r.PodTemplates())
        {
            var pod = PodSpec(owner);
            var podSecurity = pod["securityContext"];
            Assert.False(pod["hostNetwork"]?.GetValue<bool>() ?? false);
            Assert.Equal("RuntimeDefault", Str(podSecurity?["seccompProfile"]?["type"]));
            var emptyDirs = Items(pod["volumes"]).Where(v => v["emptyDir"] is not null).Select(v => Str(v["name"])).ToHashSet();
            foreach (var c in Containers(owner))
            {
                var where = $"{overlay}: {Name(owner)}/{Str(c["name"])}";
                var sc = c["securityContext"];
                var nonRoot = sc?["runAsNonRoot"]?.GetValue<bool>() ?? podSecurity?["runAsNonRoot"]?.GetValue<bool>() ?? false;
                Assert.True(nonRoot, $"{where}: runAsNonRoot is not true");
                var user = sc?["runAsUser"] ?? podSecurity?["runAsUser"];
                Assert.True(user is null || Long(user) != 0, $"{where}: runs as UID 0");
                Assert.True(sc?["readOnlyRootFilesystem"]?.GetValue<bool>() ?? false, $"{where}: root filesystem is writable");
                Assert.True(sc?["allowPrivilegeEscalation"]?.GetValue<bool>() == false, $"{where}: allowPrivilegeEscalation is not false");
                Assert.False(sc?["privileged"]?.GetValue<bool>() ?? false, $"{where}: privileged");
                Assert.Equal(["ALL"], Strings(sc?["capabilities"]?["drop"]));
                Assert.Empty(Strings(sc?["capabilities"]?["add"]));
                Assert.True(Items(c["volumeMounts"]).Any(m => Str(m["mountPath"]) == "/tmp" && emptyDirs.Contains(Str(m["name"]))),
                    $"{where}: /tmp is not an emptyDir (the only place .NET writes)");
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Containers_have_requests_and_limits(string overlay)
    {
        var r = Rendered.Of(overlay);
        foreach (var (owner, _) in r.PodTemplates())
        {
            foreach (var c in Containers(owner))
            {
                foreach (var kind in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Assert.True(c["resources"]?[kind]?[resource] is not null, $"{overlay}: {Name(owner)}/{Str(c["name"])} has no {kind}.{resource}");
                    }
                }
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Silo_rollout_hands_over_one_silo_at_a_time(string overlay)
    {
        var r = Rendered.Of(overlay);
        var silo = r.Single("Deployment", Silo);
        var rolling = silo["spec"]!["strategy"]!["rollingUpdate"]!;
        Assert.Equal("RollingUpdate", Str(silo["spec"]!["strategy"]!["type"]));
        Assert.Equal("0", Str(rolling["maxUnavailable"]));

        // The .NET host's shutdown budget (default 30 s) must end before the kubelet's SIGKILL.
        var grace = Long(PodSpec(silo)["terminationGracePeriodSeconds"]);
        Assert.True(grace >= 30, $"{overlay}: terminationGracePeriodSeconds {grace} < 30");
        var env = Env.Of(r, Container(silo, "silo"));
        var shutdown = env.TryGetValue("DOTNET_shutdownTimeoutSeconds", out var s) ? int.Parse(s.Value!, CultureInfo.InvariantCulture) : 30;
        Assert.True(shutdown < grace, $"{overlay}: host shutdown timeout {shutdown} s is not below terminationGracePeriodSeconds {grace}");

        var pdb = Assert.Single(r.OfKind("PodDisruptionBudget"), p => Selects(Map(p["spec"]!["selector"]!["matchLabels"]), TemplateLabels(silo)));
        Assert.True(Str(pdb["spec"]!["maxUnavailable"]) == "1" || pdb["spec"]!["minAvailable"] is not null, $"{overlay}: the silo PodDisruptionBudget allows more than one silo down");
    }

    [Fact]
    public void Prod_runs_at_least_three_silos_spread_over_nodes()
    {
        var r = Rendered.Of("prod");
        var silo = r.Single("Deployment", Silo);
        Assert.True(Long(silo["spec"]!["replicas"]) >= 3, "prod needs 3 or more silos");
        var hpa = Assert.Single(r.OfKind("HorizontalPodAutoscaler"), h => Str(h["spec"]!["scaleTargetRef"]!["name"]) == Silo);
        Assert.True(Long(hpa["spec"]!["minReplicas"]) >= 3, "prod's autoscaler may go below 3 silos");
        Assert.True(Long(hpa["spec"]!["maxReplicas"]) >= Long(hpa["spec"]!["minReplicas"]));

        var anti = PodSpec(silo)["affinity"]?["podAntiAffinity"];
        var terms = Items(anti?["requiredDuringSchedulingIgnoredDuringExecution"])
            .Concat(Items(anti?["preferredDuringSchedulingIgnoredDuringExecution"]).Select(p => p["podAffinityTerm"]!.AsObject()));
        Assert.Contains(terms, t => Str(t["topologyKey"]) == "kubernetes.io/hostname" && Selects(Map(t["labelSelector"]!["matchLabels"]), TemplateLabels(silo)));
    }

    [Fact]
    public void Prod_silo_service_account_has_the_irsa_role_annotation()
    {
        var r = Rendered.Of("prod");
        var account = r.Single("ServiceAccount", Str(PodSpec(r.Single("Deployment", Silo))["serviceAccountName"])!);
        var arn = Map(account["metadata"]!["annotations"]).GetValueOrDefault("eks.amazonaws.com/role-arn");
        Assert.NotNull(arn);
        Assert.StartsWith("arn:aws:iam::", arn, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_does_not_render_the_placeholder_secret()
    {
        var r = Rendered.Of("prod");
        Assert.DoesNotContain(r.OfKind("Secret"), s => Map(s["metadata"]!["annotations"]).ContainsKey("upt/placeholder"));
        Assert.Null(r.Find("Secret", "upt-postgres"));
    }

    [Fact]
    public void Dev_runs_one_to_three_silos()
    {
        var r = Rendered.Of("dev");
        var replicas = Long(r.Single("Deployment", Silo)["spec"]!["replicas"]);
        Assert.InRange(replicas, 1, 3);
        var hpa = Assert.Single(r.OfKind("HorizontalPodAutoscaler"), h => Str(h["spec"]!["scaleTargetRef"]!["name"]) == Silo);
        Assert.InRange(Long(hpa["spec"]!["maxReplicas"]), 1, 3);
    }

    private static List<string> Strings(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonArray a ? a.Select(Str).OfType<string>().ToList() : [];
}
