using System.Text;
using System.Text.Json.Nodes;
using static Upt.Deploy.Tests.Rendered;

namespace Upt.Deploy.Tests;

/// <summary>Where an environment variable of a container comes from, and its value where the render tells it.</summary>
public sealed record EnvVar(string Name, string Source, string? Value, string? Reference)
{
    public const string Literal = "value";
    public const string ConfigMap = "configMap";
    public const string Secret = "secret";
    public const string Field = "field";
}

public static class Env
{
    /// <summary>Secrets that prod expects to exist in the cluster already (never rendered).</summary>
    public static readonly IReadOnlySet<string> ExternalInProd = new HashSet<string> { "upt-postgres" };

    /// <summary>The container's environment as Kubernetes builds it: envFrom first, then env (which wins).</summary>
    public static IReadOnlyDictionary<string, EnvVar> Of(Rendered r, JsonObject container)
    {
        var result = new Dictionary<string, EnvVar>(StringComparer.Ordinal);
        foreach (var from in Items(container["envFrom"]))
        {
            var prefix = Str(from["prefix"]) ?? "";
            if (from["configMapRef"] is { } cmRef)
            {
                var cm = ConfigMapOrFail(r, Str(cmRef["name"])!);
                foreach (var (key, value) in Map(cm["data"]))
                {
                    result[prefix + key] = new EnvVar(prefix + key, EnvVar.ConfigMap, value, $"{Name(cm)}/{key}");
                }
            }
            else if (from["secretRef"] is { } sRef)
            {
                var secret = SecretOrFail(r, Str(sRef["name"])!)
                    ?? throw new Xunit.Sdk.XunitException($"{r.Overlay}: envFrom secretRef {Str(sRef["name"])} needs a rendered Secret (its keys are not known otherwise)");
                foreach (var (key, value) in SecretData(secret))
                {
                    result[prefix + key] = new EnvVar(prefix + key, EnvVar.Secret, value, $"{Name(secret)}/{key}");
                }
            }
        }

        foreach (var e in Items(container["env"]))
        {
            var name = Str(e["name"])!;
            var from = e["valueFrom"];
            if (from is null)
            {
                result[name] = new EnvVar(name, EnvVar.Literal, Str(e["value"]) ?? "", null);
            }
            else if (from["fieldRef"] is { } field)
            {
                result[name] = new EnvVar(name, EnvVar.Field, null, Str(field["fieldPath"]));
            }
            else if (from["configMapKeyRef"] is { } cmKey)
            {
                var cm = ConfigMapOrFail(r, Str(cmKey["name"])!);
                var key = Str(cmKey["key"])!;
                var data = Map(cm["data"]);
                Assert.True(data.ContainsKey(key), $"{r.Overlay}: {name} refers to key {key} that ConfigMap {Name(cm)} does not have");
                result[name] = new EnvVar(name, EnvVar.ConfigMap, data[key], $"{Name(cm)}/{key}");
            }
            else if (from["secretKeyRef"] is { } sKey)
            {
                var secretName = Str(sKey["name"])!;
                var key = Str(sKey["key"])!;
                var secret = SecretOrFail(r, secretName);
                string? value = null;
                if (secret is not null)
                {
                    var data = SecretData(secret);
                    Assert.True(data.ContainsKey(key), $"{r.Overlay}: {name} refers to key {key} that Secret {secretName} does not have");
                    value = data[key];
                }

                result[name] = new EnvVar(name, EnvVar.Secret, value, $"{secretName}/{key}");
            }
            else
            {
                throw new Xunit.Sdk.XunitException($"{r.Overlay}: env {name} has a valueFrom this test does not know: {from.ToJsonString()}");
            }
        }

        return result;
    }

    private static JsonObject ConfigMapOrFail(Rendered r, string name) =>
        r.Find("ConfigMap", name) ?? throw new Xunit.Sdk.XunitException($"{r.Overlay}: ConfigMap {name} is referenced but not rendered");

    /// <summary>The rendered Secret, or null for one that prod expects to exist already.</summary>
    private static JsonObject? SecretOrFail(Rendered r, string name)
    {
        var secret = r.Find("Secret", name);
        if (secret is null && !(r.Overlay == "prod" && ExternalInProd.Contains(name)))
        {
            throw new Xunit.Sdk.XunitException($"{r.Overlay}: Secret {name} is referenced but neither rendered nor one prod expects to exist");
        }

        return secret;
    }

    private static Dictionary<string, string> SecretData(JsonObject secret)
    {
        var data = Map(secret["data"]).ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(Convert.FromBase64String(kv.Value)));
        foreach (var (key, value) in Map(secret["stringData"]))
        {
            data[key] = value;
        }

        return data;
    }
}
