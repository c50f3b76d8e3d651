using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>What an import did (<c>matchImport</c>): groups, pairs among existing profiles, merged, stored for review, dropped ids, bad lines.</summary>
public sealed record MatchImportView(
    [property: JsonPropertyName("groups")] int Groups,
    [property: JsonPropertyName("pairs")] int Pairs,
    [property: JsonPropertyName("merged")] int Merged,
    [property: JsonPropertyName("storedForReview")] int Stored,
    [property: JsonPropertyName("unresolvedIds")] IReadOnlyList<string> Unresolved,
    [property: JsonPropertyName("issues")] IReadOnlyList<MatchImportIssue> Issues);

/// <summary>A line of the file that was not imported, and why.</summary>
public sealed record MatchImportIssue(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("message")] string Message);
