using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Records;

namespace Upt.Rules;

/// <summary>The object a record is about, for rules on object types: its flat type and its fields as text.</summary>
/// <param name="Type">The flat record type, e.g. <c>air_booking</c>.</param>
/// <param name="Fields">Column → value.</param>
public sealed record RuleObject(string Type, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>
    /// A flat record as the transforms emit it: strings as they are, numbers in their JSON text, booleans as
    /// <c>true</c>/<c>false</c>; nulls, objects and arrays are left out.
    /// </summary>
    public static RuleObject FromRecord(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var type = record[RecordFields.ObjectType]?.GetValue<string>() ?? throw new ArgumentException("the record has no object_type", nameof(record));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in record)
        {
            if (node is JsonValue value)
            {
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        fields[key] = value.GetValue<string>();
                        break;
                    case JsonValueKind.Number:
                        fields[key] = value.ToJsonString();
                        break;
                    case JsonValueKind.True:
                        fields[key] = "true";
                        break;
                    case JsonValueKind.False:
                        fields[key] = "false";
                        break;
                }
            }
        }

        return new RuleObject(type, fields);
    }
}
