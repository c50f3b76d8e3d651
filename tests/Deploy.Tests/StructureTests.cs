using System.Text.Json.Nodes;
using static Upt.Deploy.Tests.K8s;
using static Upt.Deploy.Tests.Rendered;

namespace Upt.Deploy.Tests;

/// <summary>The overlays render, and what refers to something finds it: selectors, ports, names.</summary>
public sealed class StructureTests
{
    public static readonly TheoryData<string> Overlays = new("dev", "prod");

    private static readonly HashSet<string> ClusterScoped = ["Namespace", "ClusterRole", "ClusterRoleBinding"];

    [Theory, MemberData(nameof(Overlays))]
    public void Overlay_renders_every_part_in_namespace_upt(string overlay)
    {
        var r = Rendered.Of(overlay);

        r.Single("Namespace", "upt");
        r.Single("Deployment", Silo);
        r.Single("Deployment", Api);
        r.Single("Job", MigrateJob);
        r.Single("Service", Api);
        r.Single("Ingress", Api);
        r.Single("ServiceAccount", Silo);
        Assert.Single(r.OfKind("Role"));
        Assert.Single(r.OfKind("RoleBinding"));
        Assert.Contains(r.OfKind("ConfigMap"), _ => true);
        foreach (var o in r.Objects.Where(o => !ClusterScoped.Contains(Str(o["kind"])!)))
        {
            Assert.True(Str(o["metadata"]!["namespace"]) == "upt", $"{overlay}: {Str(o["kind"])} {Name(o)} is not in namespace upt");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Deployment_selectors_match_their_pod_templates(string overlay)
    {
        var r = Rendered.Of(overlay);
        foreach (var d in r.OfKind("Deployment"))
        {
            var selector = d["spec"]!["selector"]!;
            Assert.True(selector["matchExpressions"] is null, $"{overlay}: {Name(d)} uses matchExpressions (this test reads matchLabels only)");
            Assert.True(Selects(Map(selector["matchLabels"]), TemplateLabels(d)),
                $"{overlay}: Deployment {Name(d)} selector {selector.ToJsonString()} does not match its pod template labels");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Service_and_disruption_budget_selectors_select_pods(string overlay)
    {
        var r = Rendered.Of(overlay);
        var templates = r.PodTemplates().Select(t => (Owner: Name(t.Owner), Labels: TemplateLabels(t.Owner))).ToList();

        foreach (var service in r.OfKind("Service"))
        {
            var selector = Map(service["spec"]!["selector"]);
            Assert.True(templates.Any(t => Selects(selector, t.Labels)), $"{overlay}: Service {Name(service)} selects no pod template");
        }

        foreach (var pdb in r.OfKind("PodDisruptionBudget"))
        {
            var selector = Map(pdb["spec"]!["selector"]!["matchLabels"]);
            Assert.True(templates.Any(t => Selects(selector, t.Labels)), $"{overlay}: PodDisruptionBudget {Name(pdb)} selects no pod template");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Anti_affinity_and_spread_constraints_select_their_own_pods(string overlay)
    {
        var r = Rendered.Of(overlay);
        foreach (var d in r.OfKind("Deployment"))
        {
            var spec = PodSpec(d);
            var anti = spec["affinity"]?["podAntiAffinity"];
            var terms = Items(anti?["requiredDuringSchedulingIgnoredDuringExecution"])
                .Concat(Items(anti?["preferredDuringSchedulingIgnoredDuringExecution"]).Select(p => (JsonObject)p["podAffinityTerm"]!))
                .Concat(Items(spec["topologySpreadConstraints"]));
            foreach (var term in terms)
            {
                Assert.True(Selects(Map(term["labelSelector"]!["matchLabels"]), TemplateLabels(d)),
                    $"{overlay}: {Name(d)} has an anti-affinity or spread term that does not select its own pods: {term.ToJsonString()}");
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Services_ingress_autoscalers_and_accounts_refer_to_what_exists(string overlay)
    {
        var r = Rendered.Of(overlay);

        foreach (var service in r.OfKind("Service"))
        {
            var selected = r.OfKind("Deployment").Where(d => Selects(Map(service["spec"]!["selector"]), TemplateLabels(d))).ToList();
            foreach (var port in Items(service["spec"]!["ports"]))
            {
                foreach (var d in selected)
                {
                    Assert.True(Containers(d).Any(c => ResolvePort(c, port["targetPort"]) is not null),
                        $"{overlay}: Service {Name(service)} targets port {Str(port["targetPort"])} that no container of {Name(d)} has");
                }
            }
        }

        foreach (var ingress in r.OfKind("Ingress"))
        {
            Assert.False(string.IsNullOrEmpty(Str(ingress["spec"]!["ingressClassName"])), $"{overlay}: Ingress {Name(ingress)} has no ingressClassName");
            var backends = Items(ingress["spec"]!["rules"]).SelectMany(rule => Items(rule["http"]!["paths"])).Select(p => p["backend"]!["service"]!).ToList();
            Assert.NotEmpty(backends);
            foreach (var backend in backends)
            {
                var service = r.Single("Service", Str(backend["name"])!);
                var portName = Str(backend["port"]!["name"]);
                Assert.True(Items(service["spec"]!["ports"]).Any(p => Str(p["name"]) == portName),
                    $"{overlay}: Ingress {Name(ingress)} names port {portName} that Service {Name(service)} does not have");
            }
        }

        foreach (var hpa in r.OfKind("HorizontalPodAutoscaler"))
        {
            var target = hpa["spec"]!["scaleTargetRef"]!;
            r.Single(Str(target["kind"])!, Str(target["name"])!);
            var metric = Assert.Single(Items(hpa["spec"]!["metrics"]));
            Assert.Equal("cpu", Str(metric["resource"]?["name"]));
            var deployment = r.Single(Str(target["kind"])!, Str(target["name"])!);
            Assert.All(Containers(deployment), c => Assert.NotNull(c["resources"]?["requests"]?["cpu"]));
        }

        foreach (var (owner, _) in r.PodTemplates())
        {
            var account = Str(PodSpec(owner)["serviceAccountName"]);
            Assert.True(account is not null, $"{overlay}: {Name(owner)} runs as the namespace's default service account");
            r.Single("ServiceAccount", account);
            foreach (var container in Containers(owner))
            {
                _ = Env.Of(r, container); // every ConfigMap and Secret reference resolves
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Migration_job_runs_the_silo_image_with_migrate_only(string overlay)
    {
        var r = Rendered.Of(overlay);
        var job = r.Single("Job", MigrateJob);
        var migrate = Assert.Single(Items(PodSpec(job)["containers"]));
        var silo = Container(r.Single("Deployment", Silo), "silo");

        Assert.Equal(Str(silo["image"]), Str(migrate["image"]));
        Assert.Contains("--migrate-only", Items2(migrate["args"]).Concat(Items2(migrate["command"])));
        Assert.Contains(Str(PodSpec(job)["restartPolicy"]), new[] { "Never", "OnFailure" });
        var env = Env.Of(r, migrate);
        Assert.Equal(EnvVar.Secret, env["Postgres__ConnectionString"].Source);

        // The silo handles the argument: migrates and exits before building the silo.
        Assert.Contains("\"--migrate-only\"", Repo.Read("src/Silo/Program.cs"), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Items2(JsonNode? node) => node is JsonArray a ? a.Select(Str).OfType<string>() : [];
}
