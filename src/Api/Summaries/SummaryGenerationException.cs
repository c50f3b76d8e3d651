namespace Upt.Api.Summaries;

/// <summary>A generator could not write a summary (its endpoint failed or answered nothing usable).</summary>
public sealed class SummaryGenerationException : Exception
{
    public SummaryGenerationException()
    {
    }

    public SummaryGenerationException(string message)
        : base(message)
    {
    }

    public SummaryGenerationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
