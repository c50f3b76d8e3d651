using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>UPT's error block: empty strings on success.</summary>
public sealed record UcpError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("type")] string Type)
{
    public static UcpError None { get; } = new("", "", "");
}
