using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Upt.Api.Summaries;

namespace Upt.Api.Tests;

/// <summary>The optional generator against a fake OpenAI-compatible endpoint, and its start-up validation.</summary>
public sealed class OpenAiSummaryGeneratorTests
{
    private static readonly SummaryOptions Configured = new()
    {
        Generator = SummaryGeneratorKind.OpenAi,
        OpenAi = new OpenAiSummaryOptions { Endpoint = new Uri("https://llm.example.com/v1/"), Model = "small-model", ApiKey = "sk-test", MaxTokens = 200, Temperature = 0.2 },
    };

    [Fact]
    public async Task The_request_carries_the_domains_prompt_the_guard_and_the_filtered_profile_without_empty_values()
    {
        var endpoint = new FakeEndpoint(HttpStatusCode.OK, """{"choices":[{"message":{"role":"assistant","content":"  Ada is a gold member.  "}}]}""");
        var generator = new OpenAiSummaryGenerator(new HttpClient(endpoint), Microsoft.Extensions.Options.Options.Create(Configured), NullLogger<OpenAiSummaryGenerator>.Instance);
        var profile = new JsonObject { ["firstName"] = "Ada", ["middleName"] = "", ["homeAddress"] = new JsonObject { ["City"] = "" }, ["hotelLoyaltyRecords"] = new JsonArray(new JsonObject { ["level"] = "gold", ["id"] = "" }) };

        var summary = await generator.GenerateAsync(new ProfileSummaryRequest("d1", "p1", profile, "Be brief."), TestContext.Current.CancellationToken);

        Assert.Equal("Ada is a gold member.", summary);
        Assert.Equal("https://llm.example.com/v1/chat/completions", endpoint.Uri!.ToString());
        Assert.Equal("Bearer sk-test", endpoint.Authorization);
        var body = JsonNode.Parse(endpoint.Body!)!;
        Assert.Equal("small-model", (string?)body["model"]);
        Assert.Equal((0.2, 200), ((double)body["temperature"]!, (int)body["max_tokens"]!));
        Assert.Equal($"Be brief.\n\n{OpenAiSummaryGenerator.Guard}", (string?)body["messages"]![0]!["content"]);
        Assert.Equal("""{"firstName":"Ada","hotelLoyaltyRecords":[{"level":"gold"}]}""", (string?)body["messages"]![1]!["content"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "{}", "the summary endpoint answered 500")]
    [InlineData(HttpStatusCode.OK, """{"choices":[]}""", "the summary endpoint answered no text")]
    [InlineData(HttpStatusCode.OK, "not json", "the summary endpoint could not be reached or answered no JSON")]
    public async Task A_failing_endpoint_is_a_generation_failure(HttpStatusCode status, string answer, string message)
    {
        var generator = new OpenAiSummaryGenerator(new HttpClient(new FakeEndpoint(status, answer)), Microsoft.Extensions.Options.Options.Create(Configured), NullLogger<OpenAiSummaryGenerator>.Instance);

        var failure = await Assert.ThrowsAsync<SummaryGenerationException>(() =>
            generator.GenerateAsync(new ProfileSummaryRequest("d1", "p1", new JsonObject { ["firstName"] = "Ada" }, "p"), TestContext.Current.CancellationToken));

        Assert.Equal(message, failure.Message);
    }

    [Fact]
    public void Start_up_validation_checks_the_endpoint_only_when_it_is_chosen()
    {
        var validator = new SummaryOptionsValidator();

        Assert.True(validator.Validate(null, new SummaryOptions()).Succeeded);
        Assert.True(validator.Validate(null, Configured).Succeeded);
        Assert.True(validator.Validate(null, new SummaryOptions { Generator = SummaryGeneratorKind.OpenAi, OpenAi = new OpenAiSummaryOptions { Endpoint = new Uri("http://127.0.0.1:11434/v1"), Model = "m" } }).Succeeded);
        var failed = validator.Validate(null, new SummaryOptions
        {
            Generator = SummaryGeneratorKind.OpenAi,
            OpenAi = new OpenAiSummaryOptions { Endpoint = new Uri("http://llm.example.com/v1"), Model = " ", MaxTokens = 0, Temperature = 3, Timeout = TimeSpan.Zero },
        });
        Assert.Equal(
            [
                "Summaries:OpenAi:Endpoint must use https unless it is on a loopback address.",
                "Summaries:OpenAi:Model is required.",
                "Summaries:OpenAi:MaxTokens must be between 1 and 4096 (was 0).",
                "Summaries:OpenAi:Temperature must be between 0 and 2 (was 3).",
                "Summaries:OpenAi:Timeout must be between 1 second and 5 minutes (was 00:00:00).",
            ],
            failed.Failures);
        Assert.Equal(["Summaries:OpenAi:Endpoint must be an absolute http(s) URL."],
            validator.Validate(null, new SummaryOptions { Generator = SummaryGeneratorKind.OpenAi, OpenAi = new OpenAiSummaryOptions { Model = "m" } }).Failures);
    }

    /// <summary>Answers every request with one status and body, and keeps what it was sent.</summary>
    private sealed class FakeEndpoint(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        public string? Authorization { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Authorization = request.Headers.Authorization?.ToString();
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(answer, System.Text.Encoding.UTF8, "application/json") };
        }
    }
}
