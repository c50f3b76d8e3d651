namespace Upt.Api.Summaries;

/// <summary>Which <see cref="IProfileSummaryGenerator"/> writes summaries.</summary>
public enum SummaryGeneratorKind
{
    /// <summary>Deterministic sentences from the profile's own data; no external service (the default).</summary>
    Narrative,

    /// <summary>An OpenAI-compatible chat-completions endpoint, prompted with the domain's prompt.</summary>
    OpenAi,
}
