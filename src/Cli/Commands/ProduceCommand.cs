using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Upt.Cli.Produce;
using Upt.Feed.Envelopes;
using Upt.Kinesis;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt produce</c>: enveloped business objects (from a JSONL file, or synthetic) onto a Kinesis stream.
/// Progress goes to stderr; stdout gets one final line, <c>produce: sent=N failed=N seconds=S</c>.
/// </summary>
internal static class ProduceCommand
{
    public static Command Create()
    {
        var stream = new Option<string>("--stream") { Description = "Kinesis stream name", Required = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "Kinesis endpoint, e.g. http://127.0.0.1:4567 (default: AWS)" };
        var region = new Option<string>("--region")
        {
            Description = "AWS region",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } r ? r : "us-east-1",
        };
        var file = new Option<FileInfo?>("--file") { Description = "JSONL file of business objects, one per line" };
        var objectType = new Option<string?>("--object-type") { Description = "Business object type of --file (default: from the file name)" };
        var domain = new Option<string>("--domain") { Description = "Domain the objects belong to", Required = true };
        var generate = new Option<int?>("--generate") { Description = "Send N synthetic objects instead of a file" };
        var rate = new Option<double>("--rate") { Description = "Objects per second; 0 = as fast as possible", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic generator", DefaultValueFactory = _ => 1 };

        var command = new Command("produce", "Send enveloped business objects to a Kinesis stream (PutRecords)")
        {
            stream, endpoint, region, file, objectType, domain, generate, rate, seed,
        };
        command.Validators.Add(CommandValidation.Safely(result =>
        {
            var hasFile = result.GetValue(file) is not null;
            var count = result.GetValue(generate);
            if (hasFile == count.HasValue)
            {
                result.AddError("Give exactly one of --file F.jsonl or --generate N.");
            }

            if (count is < 0)
            {
                result.AddError("--generate must be 0 or more.");
            }

            if (result.GetValue(rate) < 0)
            {
                result.AddError("--rate must be 0 (unlimited) or more.");
            }

            if (!hasFile && result.GetValue(objectType) is not null)
            {
                result.AddError("--object-type only applies to --file.");
            }

            if (result.GetValue(endpoint) is { } url && ParseEndpoint(url) is null)
            {
                result.AddError("--endpoint must be an absolute http(s) URL.");
            }
        }));

        command.SetAction(async (parse, cancellationToken) =>
        {
            IEnumerable<GeneratedEnvelope> source;
            if (parse.GetValue(file) is { } input)
            {
                if (!input.Exists)
                {
                    return Fail($"file not found: {input.FullName}");
                }

                var type = parse.GetValue(objectType) ?? ObjectTypeNames.FromFileName(input.Name);
                if (type is null)
                {
                    return Fail($"cannot tell the object type of {input.Name}; pass --object-type (one of {string.Join(", ", Transforms.Records.BusinessObjectTypes.All)}).");
                }

                source = EnvelopeSources.FromFile(input.FullName, type, parse.GetValue(domain)!);
            }
            else
            {
                source = EnvelopeSources.Generated(parse.GetValue(seed), parse.GetValue(domain)!, parse.GetValue(generate)!.Value);
            }

            return await RunAsync(parse.GetValue(stream)!, parse.GetValue(endpoint) is { } url ? ParseEndpoint(url) : null, parse.GetValue(region)!, source, parse.GetValue(rate), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string stream, Uri? endpoint, string region, IEnumerable<GeneratedEnvelope> source, double rate, CancellationToken cancellationToken)
    {
        KinesisClient client;
        try
        {
            client = LocalAwareKinesisClients.Create(endpoint, region);
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }

        using (client)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var producer = new KinesisProducer(client, stream, rate);
            using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = ReportProgressAsync(producer.Progress, progressStop.Token);
            try
            {
                var result = await producer.SendAsync(source, cancellationToken);
                await progressStop.CancelAsync();
                await progress;
                Console.Out.WriteLine(result.SummaryLine());
                return result.Failed == 0 && !cancellationToken.IsCancellationRequested ? 0 : 1;
            }
            catch (Exception ex) when (ex is KinesisException or HttpRequestException or AwsCredentialsException or JsonException or FormatException or IOException)
            {
                await progressStop.CancelAsync();
                await progress;
                Console.Out.WriteLine(new ProduceResult(producer.Progress.Sent, producer.Progress.Failed, watch.Elapsed).SummaryLine());
                return Fail(ex.Message);
            }
        }
    }

    private static async Task ReportProgressAsync(ProduceProgress progress, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                var seconds = (DateTime.UtcNow - start).TotalSeconds;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"produce: ... sent={progress.Sent} failed={progress.Failed} ({progress.Sent / seconds:0}/s)"));
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private static Uri? ParseEndpoint(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"produce: error: {message}");
        return 2;
    }
}
