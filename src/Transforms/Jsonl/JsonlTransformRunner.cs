using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Records;

namespace Upt.Transforms.Jsonl;

/// <summary>
/// Transforms JSONL business objects line by line: one grouped JSON line per accepted input line (the layout of
/// UPT's golden files), one JSON error line per rejected line. Backs <c>upt transform</c>.
/// </summary>
public static class JsonlTransformRunner
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Reads <paramref name="input"/> to the end. Blank lines are skipped; line numbers count every physical line.
    /// Returns 0 when every line transformed, 1 when any line was rejected.
    /// </summary>
    public static int Run(string objectType, TextReader input, TextWriter output, TextWriter errors, TransformOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!BusinessObjectTypes.IsKnown(objectType))
        {
            WriteError(errors, 0, TransformErrorCategories.TransformerException, $"('Unknown object type', '{objectType}')");
            return 1;
        }

        var rejected = false;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var result = BusinessObjectTransformer.Transform(objectType, Encoding.UTF8.GetBytes(line), options);
            if (result.IsSuccess)
            {
                output.WriteLine(result.ToGroupedJson().ToJsonString(Output));
            }
            else
            {
                rejected = true;
                WriteError(errors, lineNumber, result.Error.Category, result.Error.Message);
            }
        }

        output.Flush();
        errors.Flush();
        return rejected ? 1 : 0;
    }

    private static void WriteError(TextWriter errors, int line, string category, string message)
    {
        var error = new JsonObject { ["line"] = line, ["category"] = category, ["message"] = message };
        errors.WriteLine(error.ToJsonString(Output));
    }
}
