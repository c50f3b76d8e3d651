namespace Upt.Api.Summaries;

/// <summary>An OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI with a v1 path, vLLM, Ollama, LiteLLM ...).</summary>
public sealed class OpenAiSummaryOptions
{
    /// <summary>Base URL; requests go to <c>{Endpoint}/chat/completions</c>. https, except on a loopback address.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the endpoint expects.</summary>
    public string Model { get; set; } = "";

    /// <summary>Sent as a bearer token when set. A secret: give it through the environment, never in a file; it is never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest answer, in tokens (UPT: 250).</summary>
    public int MaxTokens { get; set; } = 250;

    /// <summary>Sampling temperature (UPT: 0.5).</summary>
    public double Temperature { get; set; } = 0.5;

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
