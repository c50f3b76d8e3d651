using System.CommandLine;
using Upt.DevInfra;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt token</c>: a bearer token from the development issuer that <c>./upt run</c> starts, printed alone on stdout
/// so that <c>curl -H "Authorization: Bearer $(./upt token)" ...</c> works. Never for a real issuer: it only asks the
/// local mock, which signs whatever it is asked.
/// </summary>
internal static class TokenCommand
{
    /// <summary>The port <c>./upt run</c> gives the dev issuer when it is free.</summary>
    internal const int PreferredIssuerPort = 8089;

    /// <summary>Every application permission in every domain.</summary>
    internal const string GlobalAdminGroup = "app-global-adminRole/ffffffff";

    /// <summary>All profile data (<c>*/*</c>) of the domain <c>./upt run</c> creates; app groups grant no data.</summary>
    internal const string DemoDataAdminGroup = "ucp-demo-admin";

    public static Command Create()
    {
        var groups = new Option<string[]>("--groups")
        {
            Description = $"Group names, comma separated or repeated (default {GlobalAdminGroup},{DemoDataAdminGroup}); e.g. app-demo-profileManagerRole/f,ucp-demo-admin",
            AllowMultipleArgumentsPerToken = true,
        };
        var issuer = new Option<string>("--issuer")
        {
            Description = "The dev issuer's URL (`./upt run` prints it)",
            DefaultValueFactory = _ => LocalOidcIssuer.AuthorityAt(PreferredIssuerPort).ToString().TrimEnd('/'),
        };
        var expiresIn = new Option<int?>("--expires-in") { Description = "Lifetime in seconds (default 3600)" };
        var command = new Command("token", "Print a bearer token from the local development issuer of `./upt run`")
        {
            groups, issuer, expiresIn,
        };
        command.Validators.Add(CommandValidation.Safely(result =>
        {
            if (result.GetValue(issuer) is { } url && !IsHttpUrl(url))
            {
                result.AddError("--issuer must be an absolute http(s) URL.");
            }
        }));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var names = (parse.GetValue(groups) ?? [])
                .SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            var request = new DevTokenRequest
            {
                Groups = names.Count > 0 ? names : [GlobalAdminGroup, DemoDataAdminGroup],
                ExpiresIn = parse.GetValue(expiresIn) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            var url = new Uri(parse.GetValue(issuer)!);
            try
            {
                Console.Out.WriteLine(await LocalOidcIssuer.RequestTokenAsync(url, request, cancellationToken));
                return 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"token: error: no token from {url} ({ex.Message}); is `./upt run` running? (--issuer sets the URL)");
                return 1;
            }
        });
        return command;
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
