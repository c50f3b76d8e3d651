using System.CommandLine;

namespace Upt.Cli.Commands;

/// <summary><c>upt transform --object-type T</c>: business objects (JSONL) on stdin to flat records on stdout.</summary>
internal static class TransformCommand
{
    public static Command Create()
    {
        var objectType = new Option<string>("--object-type") { Description = "Business object type", Required = true };
        var command = new Command("transform", "Transform business objects (JSONL on stdin) into flat records (JSONL on stdout)") { objectType };
        command.SetAction((Func<ParseResult, int>)(_ => throw new NotImplementedException()));
        return command;
    }
}
