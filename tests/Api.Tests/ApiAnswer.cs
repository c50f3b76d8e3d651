using System.Globalization;
using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>What the API answered.</summary>
public sealed record ApiAnswer(int Status, JsonObject? Json, string Text, string? TxHeader)
{
    public string? ErrorCode => (string?)Json?["error"]?["code"];

    public string? ErrorMessage => (string?)Json?["error"]?["msg"];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Status}: {(Text.Length > 400 ? Text[..400] : Text)}");
}
