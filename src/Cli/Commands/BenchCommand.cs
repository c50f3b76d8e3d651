using System.CommandLine;
using Upt.Cli.Bench;
using Upt.Cli.Run;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt bench</c>: throughput, ceilings, latency and n-th object cost of Upt on this machine, in one run. The last
/// line (<c>bench: e2e_objects_per_s=...</c>) is a contract that other tools parse. Assumes the Release build of the
/// silo and API exists.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var objects = new Option<int>("--objects") { Description = "Synthetic objects loaded before the end-to-end measurement", DefaultValueFactory = _ => 20_000 };
        var shards = new Option<int>("--shards") { Description = "Shards of the Kinesis stream", DefaultValueFactory = _ => 4 };
        var silos = new Option<int>("--silos") { Description = "Number of silos", DefaultValueFactory = _ => 1 };
        var batchObjects = new Option<int>("--batch-objects") { Description = "Synthetic objects of the batch phase (a folder of JSONL files)", DefaultValueFactory = _ => BenchSettings.DefaultBatchObjects };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic generator", DefaultValueFactory = _ => 1 };
        var siloEnv = new Option<string[]>("--silo-env")
        {
            Description = "Extra silo environment, KEY=VALUE (repeatable), e.g. Logging__LogLevel__Polly=Warning: what a setting changes, without a rebuild",
            AllowMultipleArgumentsPerToken = false,
        };
        var resolution = new Option<string>("--identity-resolution")
        {
            Description = "Identity resolution in the end-to-end phase: off (default), rules (default rule set) or all (rules and fuzzy matching), to compare throughputs",
            DefaultValueFactory = _ => "off",
        };
        resolution.AcceptOnlyFromAmong("off", "rules", "all");
        var command = new Command("bench", "Measure Upt end to end against its Kinesis and PostgreSQL ceilings, latency, and n-th object cost")
        {
            objects, shards, silos, seed, batchObjects, siloEnv, resolution,
        };
        command.SetAction(async (parse, _) =>
        {
            // Checked here: System.CommandLine validates before it fills in defaults.
            var error = parse.GetValue(objects) is < 1000 or > BenchSettings.MaxObjects ? $"--objects must be between 1000 and {BenchSettings.MaxObjects}."
                : parse.GetValue(batchObjects) is < 1000 or > BenchSettings.MaxObjects ? $"--batch-objects must be between 1000 and {BenchSettings.MaxObjects}."
                : parse.GetValue(shards) is < 1 or > 64 ? "--shards must be between 1 and 64."
                : parse.GetValue(silos) is < 1 or > 16 ? "--silos must be between 1 and 16."
                : parse.GetValue(seed) is < 0 or > 49_999 ? "--seed must be between 0 and 49999 (the latency feed uses seed + 50000)."
                : (parse.GetValue(siloEnv) ?? []).FirstOrDefault(e => e.IndexOf('=', StringComparison.Ordinal) < 1) is { } bad ? $"--silo-env takes KEY=VALUE (got '{bad}')."
                : null;
            if (error is not null)
            {
                Console.Error.WriteLine($"bench: error: {error}");
                return 2;
            }

            var environment = (parse.GetValue(siloEnv) ?? []).Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            return await RunAsync(new BenchSettings(parse.GetValue(objects), parse.GetValue(shards), parse.GetValue(silos), parse.GetValue(seed))
            {
                SiloEnvironment = environment,
                BatchObjects = parse.GetValue(batchObjects),
                IdentityResolution = parse.GetValue(resolution) ?? "off",
            });
        });
        return command;
    }

    private static Task<int> RunAsync(BenchSettings settings) =>
        MeasuredRun.RunAsync("bench", async token => (await new BenchRunner(settings, new ConsoleLogger(), Console.Out).RunAsync(token)).LastLine());
}
