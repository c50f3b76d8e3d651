namespace Upt.Api.Summaries;

/// <summary>Profile summaries (configuration section <c>Summaries</c>); validated at start-up.</summary>
public sealed class SummaryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Summaries";

    /// <summary>Which generator writes summaries; <see cref="SummaryGeneratorKind.Narrative"/> unless set.</summary>
    public SummaryGeneratorKind Generator { get; set; } = SummaryGeneratorKind.Narrative;

    /// <summary>The endpoint of <see cref="SummaryGeneratorKind.OpenAi"/> (section <c>Summaries:OpenAi</c>).</summary>
    public OpenAiSummaryOptions OpenAi { get; set; } = new();
}
