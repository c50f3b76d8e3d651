using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Upt.Api.Summaries;

/// <summary>Registers profile summaries: the generator <c>Summaries:Generator</c> names, and the data-filter seam.</summary>
public static class SummarySetup
{
    /// <summary>
    /// Adds <see cref="SummaryOptions"/> (validated at start-up) and the generator: <see cref="NarrativeSummaryGenerator"/> unless
    /// <c>Summaries:Generator</c> is <c>OpenAi</c>. <see cref="ISummaryDataFilter"/> defaults to <see cref="UnfilteredSummaryData"/>;
    /// a registration made before this call wins.
    /// </summary>
    public static WebApplicationBuilder AddUptProfileSummaries(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SummaryOptions>, SummaryOptionsValidator>());
        services.TryAddSingleton<ISummaryDataFilter, UnfilteredSummaryData>();

        var kind = builder.Configuration.GetSection(SummaryOptions.Section).GetValue(nameof(SummaryOptions.Generator), SummaryGeneratorKind.Narrative);
        if (kind == SummaryGeneratorKind.OpenAi)
        {
            services.AddHttpClient<IProfileSummaryGenerator, OpenAiSummaryGenerator>((sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<SummaryOptions>>().Value.OpenAi.Timeout);
        }
        else
        {
            services.AddSingleton<IProfileSummaryGenerator, NarrativeSummaryGenerator>();
        }

        return builder;
    }
}
