using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Upt.Deploy.Tests;

/// <summary>The objects of one kustomize overlay as rendered by <c>kubectl kustomize</c>, as JSON nodes.</summary>
public sealed class Rendered
{
    private static readonly ConcurrentDictionary<string, Lazy<Rendered>> Cache = new();

    private Rendered(string overlay, IReadOnlyList<JsonObject> objects)
    {
        Overlay = overlay;
        Objects = objects;
    }

    public string Overlay { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    /// <summary>Renders <c>k8s/overlays/{overlay}</c> once per test run.</summary>
    public static Rendered Of(string overlay) =>
        Cache.GetOrAdd(overlay, o => new Lazy<Rendered>(() => Render(o))).Value;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Str(o["kind"]) == kind);

    public JsonObject Single(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => Name(o) == name)
        ?? throw new Xunit.Sdk.XunitException($"{Overlay}: no {kind} named {name} in the render");

    /// <summary>A ConfigMap or Secret of the render by its name as referenced (kustomize adds a hash suffix to generated ones and rewrites references).</summary>
    public JsonObject? Find(string kind, string name) => OfKind(kind).SingleOrDefault(o => Name(o) == name);

    /// <summary>Deployments and Jobs: every pod template of the render with its owner.</summary>
    public IEnumerable<(JsonObject Owner, JsonObject Template)> PodTemplates() =>
        Objects.Where(o => Str(o["kind"]) is "Deployment" or "Job" or "StatefulSet" or "DaemonSet")
            .Select(o => (o, (JsonObject)o["spec"]!["template"]!));

    public static string Name(JsonNode o) => Str(o["metadata"]!["name"]) ?? "";

    public static string? Str(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static IReadOnlyDictionary<string, string> Map(JsonNode? node) =>
        node is JsonObject obj ? obj.ToDictionary(kv => kv.Key, kv => Str(kv.Value) ?? "") : new Dictionary<string, string>();

    public static IEnumerable<JsonObject> Items(JsonNode? node) => node is JsonArray a ? a.OfType<JsonObject>() : [];

    private static Rendered Render(string overlay)
    {
        var dir = Path.Combine(Repo.Root, "k8s", "overlays", overlay);
        var kubectl = Kubectl.Path;
        var psi = new ProcessStartInfo(kubectl, ["kustomize", dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start kubectl");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"kubectl kustomize {dir} did not finish within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"kubectl kustomize {dir} failed (exit {process.ExitCode}); it needs kubectl >= 1.21 (kustomize v4 or later; tested with 1.32):\n{stderr.Result}");
        }

        return new Rendered(overlay, Parse(stdout));
    }

    /// <summary>Multi-document YAML to JSON nodes. Plain scalars become numbers, booleans or null as YAML 1.2's core schema says; quoted ones stay strings.</summary>
    public static IReadOnlyList<JsonObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Select(d => ToJson(d.RootNode))
            .OfType<JsonObject>()
            .ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Plain(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "null" or "~" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ => JsonValue.Create(value),
    };
}

/// <summary>The repository root (the folder holding Upt.sln).</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Upt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Upt.sln not found above {AppContext.BaseDirectory}");
    }

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));
}

/// <summary>kubectl on PATH, or a failure that says how to get it.</summary>
public static class Kubectl
{
    private static readonly Lazy<string> Found = new(Locate);

    public static string Path => Found.Value;

    private static string Locate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, "kubectl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new Xunit.Sdk.XunitException(
            "kubectl is not on PATH: the deployment tests render k8s/ with `kubectl kustomize`. Install kubectl 1.21 or later " +
            "(apt package `kubectl`, preinstalled on the project's machines; Debian's own `kubernetes-client` 1.20 is too old " +
            "to render these overlays) and run the tests again.");
    }
}
