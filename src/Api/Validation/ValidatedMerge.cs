using Upt.Grains;

namespace Upt.Api.Validation;

/// <summary>A merge pair that passed validation, with the context the merge is recorded with.</summary>
public sealed record ValidatedMerge(string Source, string Target, MergeContext Context);
