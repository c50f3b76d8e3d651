namespace Upt.Integration.Tests;

/// <summary>One API call of an <see cref="ApiPoller"/>: when it started, how long it took, and its failure if any.</summary>
internal sealed record ApiCall(TimeSpan Started, TimeSpan Duration, bool Ok, string? Error);
