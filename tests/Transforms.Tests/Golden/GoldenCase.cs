using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Transforms.Tests.Golden;

/// <summary>One UPT golden pair: input business object line and expected grouped output (upt-transform §7.2).</summary>
internal sealed record GoldenCase(string Name, string ObjectType, string InputLine, JsonObject Expected)
{
    public static IEnumerable<string> Names()
    {
        foreach (var dir in Directory.GetDirectories(SharedData.UptFile("golden")).Order(StringComparer.Ordinal))
        {
            var type = Path.GetFileName(dir);
            foreach (var file in Directory.GetFiles(dir, "*.input.jsonl").Order(StringComparer.Ordinal))
            {
                var stem = Path.GetFileName(file)[..^".input.jsonl".Length];
                if (File.Exists(Path.Combine(dir, stem + ".expected.json")))
                {
                    yield return $"{type}/{stem}";
                }
                else
                {
                    var count = NonEmptyLines(file).Count();
                    for (var k = 1; k <= count; k++)
                    {
                        yield return $"{type}/{stem}#{k}";
                    }
                }
            }
        }
    }

    public static GoldenCase Load(string name)
    {
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? name : name[..hash];
        var type = path[..path.IndexOf('/', StringComparison.Ordinal)];
        var inputFile = SharedData.UptFile("golden", path + ".input.jsonl");
        if (hash < 0)
        {
            var input = NonEmptyLines(inputFile).First();
            var expected = JsonNode.Parse(File.ReadAllText(SharedData.UptFile("golden", path + ".expected.json")))!.AsObject();
            return new GoldenCase(name, type, input, expected);
        }

        var k = int.Parse(name[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1;
        var line = NonEmptyLines(inputFile).ElementAt(k);
        var expectedLine = NonEmptyLines(SharedData.UptFile("golden", path + ".expected.jsonl")).ElementAt(k);
        return new GoldenCase(name, type, line, JsonNode.Parse(expectedLine)!.AsObject());
    }

    private static IEnumerable<string> NonEmptyLines(string file) => File.ReadLines(file).Where(l => l.Trim().Length > 0);
}
