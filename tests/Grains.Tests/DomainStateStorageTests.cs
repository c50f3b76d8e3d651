using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using Upt.Grains.Domains;

namespace Upt.Grains.Tests;

/// <summary>The domain's state through the serializer ADO.NET grain storage uses in a silo (JSON that leaves out default values).</summary>
public sealed class DomainStateStorageTests
{
    [Fact]
    public void Thresholds_saved_as_zero_and_the_prompt_come_back_as_saved()
    {
        var serializer = Serializer(out var host);
        using (host)
        {
            var state = new DomainState
            {
                Exists = true,
                Settings = new DomainSettings { Fuzzy = new FuzzyMatchSettings { AutoMergeThreshold = 0, ReviewThreshold = 0, AutoMergeDisabled = true } },
                Prompt = new PromptConfig("Summarise for a front-desk agent.", true),
            };

            var back = serializer.Deserialize<DomainState>(serializer.Serialize(state))!;

            Assert.Equal(state.Settings.Fuzzy, back.Settings.Fuzzy);
            Assert.Equal(state.Prompt, back.Prompt);
        }
    }

    [Fact]
    public void Default_thresholds_and_no_prompt_come_back_as_defaults()
    {
        var serializer = Serializer(out var host);
        using (host)
        {
            var back = serializer.Deserialize<DomainState>(serializer.Serialize(new DomainState { Exists = true }))!;

            Assert.Equal(new FuzzyMatchSettings(), back.Settings.Fuzzy);
            Assert.Equal((0.99, 0.5), (back.Settings.Fuzzy.AutoMergeThreshold, back.Settings.Fuzzy.ReviewThreshold));
            Assert.Null(back.Prompt);
        }
    }

    // A silo host that is built, never started: its services hold the storage serializer grain storage uses by default.
    private static IGrainStorageSerializer Serializer(out IHost host)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        host = builder.Build();
        return host.Services.GetRequiredService<IGrainStorageSerializer>();
    }
}
