using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Upt.Cli.Produce;
using Upt.Cli.Run;
using Upt.DevInfra;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt run</c>: Upt on this machine (PostgreSQL in <c>.upt/pg</c>, kinesalite, silos, API), a demo domain and a
/// synthetic feed, until Ctrl-C. Assumes the Release build exists (<c>./upt run</c> builds first).
/// </summary>
internal static class RunCommand
{
    private const string Domain = "demo";
    internal const int PreferredApiPort = 8080;

    /// <summary>Where the silos of `upt run` back up every consumed record, and what `upt replay` reads by default.</summary>
    internal static string BackupFolder => Path.Combine(RepositoryPaths.Root, ".upt", "backup");

    public static Command Create()
    {
        var silos = new Option<int>("--silos") { Description = "Number of silos", DefaultValueFactory = _ => 1 };
        var shards = new Option<int>("--shards") { Description = "Shards of the Kinesis stream", DefaultValueFactory = _ => 4 };
        var rate = new Option<double>("--rate") { Description = "Synthetic objects per second fed into Kinesis", DefaultValueFactory = _ => 50 };
        var noFeed = new Option<bool>("--no-feed") { Description = "Do not feed synthetic traffic" };
        var apiPort = new Option<int?>("--api-port") { Description = $"API port (default {PreferredApiPort} when free, else any free port)" };
        var command = new Command("run", "Run Upt locally (PostgreSQL, kinesalite, silos, API) with a demo domain and a synthetic feed, until Ctrl-C")
        {
            silos, shards, rate, noFeed, apiPort,
        };
        command.SetAction(async (parse, _) =>
        {
            // Checked here, not in a command validator: System.CommandLine validates before it fills in defaults.
            var error = parse.GetValue(silos) is < 1 or > 16 ? "--silos must be between 1 and 16."
                : parse.GetValue(shards) is < 1 or > 64 ? "--shards must be between 1 and 64."
                : parse.GetValue(rate) <= 0 ? "--rate must be more than 0 (use --no-feed for no traffic)."
                : parse.GetValue(apiPort) is < 1 or > 65535 ? "--api-port must be a TCP port (1-65535)."
                : null;
            if (error is not null)
            {
                Console.Error.WriteLine($"run: error: {error}");
                return 2;
            }

            return await RunAsync(parse.GetValue(silos), parse.GetValue(shards), parse.GetValue(rate), parse.GetValue(noFeed), parse.GetValue(apiPort));
        });
        return command;
    }

    private static async Task<int> RunAsync(int silos, int shards, double rate, bool noFeed, int? apiPort)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, stop));

        // Each run gets its own cluster id and stream: membership rows of an earlier run are not probed, and the Kinesis
        // checkpoints kept in PostgreSQL (per stream name) never point into a stream of an earlier kinesalite.
        var runId = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var options = new LocalClusterOptions
        {
            Silos = silos,
            Shards = shards,
            StreamName = $"upt-{runId}",
            ClusterId = $"upt-run-{runId}",
            DataDirectory = Path.Combine(RepositoryPaths.Root, ".upt"),
            ApiPort = apiPort ?? (IsFree(PreferredApiPort) ? PreferredApiPort : null),
            // The API requires tokens as in production, from a local issuer that `./upt token` asks.
            DevelopmentAuth = true,
            DevIssuerPort = IsFree(TokenCommand.PreferredIssuerPort) ? TokenCommand.PreferredIssuerPort : null,
        };
        // Development: the Orleans dashboard opens in a browser without a token (it needs the admin mask elsewhere).
        options.ApiEnvironment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // Kept across runs like the data, so `upt replay` can ingest a range of an earlier run again.
        options.SiloEnvironment["Backup__Target"] = BackupFolder;

        Console.Out.WriteLine($"Starting Upt: PostgreSQL (data in {options.DataDirectory}/pg), kinesalite, {silos} silo(s), API ...");
        LocalCluster cluster;
        try
        {
            cluster = await LocalCluster.StartAsync(options, new ConsoleLogger(), stop.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Console.Error.WriteLine(stop.IsCancellationRequested ? "run: interrupted during start-up" : $"run: error: {ex.Message}");
            return stop.IsCancellationRequested ? 0 : 1;
        }

        await using (cluster)
        {
            var issuer = cluster.DevIssuer!;
            using var api = new UptApiClient(cluster.ApiUrl, ct => issuer.RequestTokenAsync(new DevTokenRequest { Groups = [TokenCommand.GlobalAdminGroup] }, ct));
            try
            {
                var created = await api.CreateDomainAsync(Domain, stop.Token);
                Console.Out.WriteLine(created ? $"  Created domain '{Domain}'." : $"  Domain '{Domain}' exists (kept from an earlier run).");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"run: error: cannot create domain '{Domain}': {ex.Message}");
                return stop.IsCancellationRequested ? 0 : 1;
            }

            var seed = Random.Shared.Next(1, 1_000_000);
            using var kinesis = cluster.CreateKinesisClient();
            var producer = new KinesisProducer(kinesis, cluster.StreamName, rate);
            var feed = noFeed
                ? Task.FromResult(new ProduceResult(0, 0, TimeSpan.Zero))
                : Task.Run(() => producer.SendAsync(EnvelopeSources.Endless(seed, Domain), stop.Token));

            RunBanner.Print(cluster, Domain, !noFeed, rate, seed);
            await ReportStatusAsync(api, producer.Progress, feed, stop.Token);

            Console.Out.WriteLine();
            Console.Out.WriteLine("Stopping: feed, API, silos, kinesalite, PostgreSQL ...");
            try
            {
                var result = await feed.WaitAsync(TimeSpan.FromSeconds(15));
                Console.Out.WriteLine($"  feed stopped: {result.SummaryLine()}");
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine("  the feed did not stop within 15 s; stopping the rest anyway");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"  feed had failed: {ex.Message}");
            }
        }

        Console.Out.WriteLine("Stopped.");
        return 0;
    }

    private static async Task ReportStatusAsync(UptApiClient api, ProduceProgress progress, Task feed, CancellationToken stop)
    {
        var start = DateTime.UtcNow;
        var feedReported = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (feed.IsFaulted && !feedReported)
            {
                feedReported = true;
                Console.Error.WriteLine($"run: the feed stopped: {feed.Exception?.GetBaseException().Message}");
            }

            var counts = await api.GetCountsAsync(Domain, stop);
            var elapsed = DateTime.UtcNow - start;
            var domain = counts is null ? "api: no answer" : $"profiles={counts.Profiles} objects={counts.Objects} errors={counts.Errors}";
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{DateTime.Now:HH:mm:ss}] up {elapsed:hh\\:mm\\:ss}  sent={progress.Sent} failed={progress.Failed}  {Domain}: {domain}"));
        }
    }

    private static void OnSignal(PosixSignalContext context, CancellationTokenSource stop)
    {
        // Always an orderly stop, also on a repeated signal: `timeout` and some terminals deliver the same SIGINT
        // twice (to the process and to its group), and dying half-way would leave the silos running.
        context.Cancel = true;
        if (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("run: already stopping (SIGKILL to abort; the next `upt run` cleans up what is left)");
            return;
        }

        stop.Cancel();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
