namespace Upt.S3;

/// <summary>What PutObject reports.</summary>
/// <param name="ETag">The entity tag of the stored object as S3 sends it (quotes included), or null if the server sent none.</param>
public sealed record PutObjectResult(string? ETag);
