using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>What an operator's retry of an error record did (Upt route): the record is gone when it succeeded.</summary>
public sealed record ErrorRetryView(
    [property: JsonPropertyName("error_id")] string ErrorId,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("message")] string Message);
