using System.CommandLine;
using Upt.Cli.Commands;

// `./upt <verb>`: one entry point for people and for the tools that call Upt. Verb names and their
// output formats are a contract; other tools parse them.
var root = new RootCommand("Upt: unified traveller profiles on Orleans")
{
    TransformCommand.Create(),
    ProduceCommand.Create(),
    BatchCommand.Create(),
    ReplayCommand.Create(),
    RunCommand.Create(),
    TokenCommand.Create(),
    BenchCommand.Create(),
    MatchEvalCommand.Create(),
    TestSummaryCommand.Create(),
};

// `upt run` handles SIGINT/SIGTERM itself to stop its processes in order; System.CommandLine's own handler would
// give it only a short grace period before the process ends.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
