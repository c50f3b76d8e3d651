using System.CommandLine;
using Upt.Cli.Commands;

// `./upt <verb>`: one entry point for people and for the tools that call Upt. Verb names and their
// output formats are a contract; other tools parse them.
var root = new RootCommand("Upt: unified traveller profiles on Orleans")
{
    TransformCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
