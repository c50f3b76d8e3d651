using System.Net;
using Microsoft.Extensions.Options;

namespace Upt.Api.Summaries;

/// <summary>Start-up validation of <see cref="SummaryOptions"/>: the OpenAI endpoint's settings, checked only when that generator is chosen.</summary>
public sealed class SummaryOptionsValidator : IValidateOptions<SummaryOptions>
{
    public ValidateOptionsResult Validate(string? name, SummaryOptions options)
    {
        if (options.Generator != SummaryGeneratorKind.OpenAi)
        {
            return ValidateOptionsResult.Success;
        }

        var o = options.OpenAi;
        var errors = new List<string>();
        if (o.Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme is not ("https" or "http"))
        {
            errors.Add("Summaries:OpenAi:Endpoint must be an absolute http(s) URL.");
        }
        else if (endpoint.Scheme == "http" && !IsLoopback(endpoint))
        {
            // Profiles (personal data) and the API key would cross the network in clear text.
            errors.Add("Summaries:OpenAi:Endpoint must use https unless it is on a loopback address.");
        }

        if (string.IsNullOrWhiteSpace(o.Model))
        {
            errors.Add("Summaries:OpenAi:Model is required.");
        }

        if (o.MaxTokens is < 1 or > 4096)
        {
            errors.Add($"Summaries:OpenAi:MaxTokens must be between 1 and 4096 (was {o.MaxTokens}).");
        }

        if (double.IsNaN(o.Temperature) || o.Temperature is < 0 or > 2)
        {
            errors.Add($"Summaries:OpenAi:Temperature must be between 0 and 2 (was {o.Temperature}).");
        }

        if (o.Timeout < TimeSpan.FromSeconds(1) || o.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Summaries:OpenAi:Timeout must be between 1 second and 5 minutes (was {o.Timeout}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
