using System.CommandLine;
using Upt.Transforms;
using Upt.Transforms.Jsonl;

namespace Upt.Cli.Commands;

/// <summary><c>upt transform --object-type T</c>: business objects (JSONL) on stdin to flat records on stdout.</summary>
internal static class TransformCommand
{
    /// <summary>Default transaction id: fixed, so repeated runs give byte-identical output.</summary>
    public const string DefaultTxId = "upt-cli";

    public static Command Create()
    {
        var objectType = new Option<string>("--object-type") { Description = "Business object type", Required = true };
        var txId = new Option<string>("--tx-id") { Description = "Transaction id written to every record", DefaultValueFactory = _ => DefaultTxId };
        var command = new Command("transform", "Transform business objects (JSONL on stdin) into flat records (JSONL on stdout)") { objectType, txId };
        command.SetAction((Func<ParseResult, int>)(parse =>
        {
            var options = new TransformOptions(parse.GetValue(txId) ?? DefaultTxId, TimeProvider.System);
            return JsonlTransformRunner.Run(parse.GetValue(objectType)!, Console.In, Console.Out, Console.Error, options);
        }));
        return command;
    }
}
