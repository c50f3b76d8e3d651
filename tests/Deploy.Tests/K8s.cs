using System.Text.Json.Nodes;
using static Upt.Deploy.Tests.Rendered;

namespace Upt.Deploy.Tests;

/// <summary>Shortcuts into rendered objects.</summary>
public static class K8s
{
    public const string Silo = "upt-silo";
    public const string Api = "upt-api";
    public const string MigrateJob = "upt-migrate";

    public static JsonObject PodSpec(JsonObject owner) => (JsonObject)owner["spec"]!["template"]!["spec"]!;

    public static IReadOnlyDictionary<string, string> TemplateLabels(JsonObject owner) =>
        Map(owner["spec"]!["template"]!["metadata"]?["labels"]);

    public static JsonObject Container(JsonObject owner, string name) =>
        Items(PodSpec(owner)["containers"]).SingleOrDefault(c => Str(c["name"]) == name)
        ?? throw new Xunit.Sdk.XunitException($"{Name(owner)} has no container {name}");

    public static IEnumerable<JsonObject> Containers(JsonObject owner) =>
        Items(PodSpec(owner)["containers"]).Concat(Items(PodSpec(owner)["initContainers"]));

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>The container port a probe or Service names (by name or number), or null.</summary>
    public static long? ResolvePort(JsonObject container, JsonNode? port)
    {
        var ports = Items(container["ports"]).ToList();
        if (port is JsonValue v && v.TryGetValue<long>(out var number))
        {
            return ports.Any(p => p["containerPort"]!.GetValue<long>() == number) ? number : null;
        }

        var name = Str(port);
        return ports.FirstOrDefault(p => Str(p["name"]) == name)?["containerPort"]?.GetValue<long>();
    }

    public static long NamedPort(JsonObject container, string name) =>
        ResolvePort(container, JsonValue.Create(name)) ?? throw new Xunit.Sdk.XunitException($"container {Str(container["name"])} has no port named {name}");

    /// <summary>The port of an ASP.NET Core URL list such as <c>http://+:8080</c> (one URL expected).</summary>
    public static int UrlPort(string urls)
    {
        var single = Assert.Single(urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("http://", single, StringComparison.Ordinal);
        var colon = single.LastIndexOf(':');
        return int.Parse(single[(colon + 1)..].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long Long(JsonNode? node) => node!.GetValue<long>();
}
