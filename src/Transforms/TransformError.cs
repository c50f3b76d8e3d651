namespace Upt.Transforms;

/// <summary>Why an envelope or business object was rejected. Nothing of the object may be ingested when this is returned.</summary>
/// <param name="Category">Error category, UPT's <c>UcpErrorType</c> naming (see <see cref="TransformErrorCategories"/>).</param>
/// <param name="Message">Human-readable reason; UPT's exact text where UPT has one.</param>
/// <param name="ObjectType">Business object type, or <c>unknown</c> when it could not be determined.</param>
/// <param name="TravellerId">Traveller the failing part belonged to, when known.</param>
public sealed record TransformError(string Category, string Message, string ObjectType, string? TravellerId);
