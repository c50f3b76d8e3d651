using Upt.DevInfra;

namespace Upt.Cli.Run;

/// <summary>The block `upt run` prints once everything is up: where things are and what to try.</summary>
internal static class RunBanner
{
    public static void Print(LocalCluster cluster, string domain, bool feeding, double rate, int seed)
    {
        var api = cluster.ApiUrl.ToString().TrimEnd('/');
        var issuer = cluster.DevIssuer?.Authority.ToString().TrimEnd('/');
        var tokenCommand = cluster.DevIssuer is null || cluster.DevIssuer.Port == Commands.TokenCommand.PreferredIssuerPort
            ? "./upt token"
            : $"./upt token --issuer {issuer}";
        var bearer = $"-H \"Authorization: Bearer $({tokenCommand})\"";
        var lines = new[]
        {
            "",
            "Upt is running.",
            "",
            $"  API             {api}",
            $"  OpenAPI         {api}/openapi/v1.json",
            $"  Dashboard       {api}/dashboard/  (no token needed: the API runs as Development)",
            $"  Token issuer    {issuer}  (development only: signs a token for anyone; `{tokenCommand}` prints one)",
            $"  Health          {api}/health/ready",
            $"  Silos           {string.Join(", ", cluster.Silos.Select(s => $"{s.Name} (silo {s.SiloPort}, gateway {s.GatewayPort}, health http://127.0.0.1:{s.HttpPort}/health/ready)"))}",
            $"  PostgreSQL      {cluster.PostgresConnectionString}",
            $"  Kinesis         {cluster.KinesisEndpoint.ToString().TrimEnd('/')}  stream {cluster.StreamName} ({cluster.Shards} shards)",
            $"  Logs            {cluster.LogDirectory}",
            $"  Raw backup      {Commands.RunCommand.BackupFolder}  (every consumed record, {{domain}}/YYYY/MM/DD/*.jsonl)",
            $"  Feed            {(feeding ? FormattableString.Invariant($"synthetic traffic into domain '{domain}' at {rate:0.#} objects/s (seed {seed})") : "off (--no-feed)")}",
            "",
            "Try:",
            $"  curl {bearer} -H 'customer-profiles-domain: {domain}' {api}/api/ucp/admin/{domain}",
            $"  curl {bearer} -H 'customer-profiles-domain: {domain}' '{api}/api/ucp/profile?lastName=Garcia'",
            $"  {tokenCommand} --groups app-{domain}-profileManagerRole/f,ucp-{domain}-admin   (a narrower token: search, delete, merge in '{domain}' only)",
            $"  ./upt replay --domain {domain} --from {DateTime.UtcNow:yyyy-MM-dd} --to {DateTime.UtcNow:yyyy-MM-dd} --token \"$({tokenCommand})\"   (ingest today's backup again)",
            $"  ./upt produce --endpoint {cluster.KinesisEndpoint.ToString().TrimEnd('/')} --stream {cluster.StreamName} --domain {domain} --generate 1000",
            "",
            "Press Ctrl-C to stop.",
            "",
        };
        foreach (var line in lines)
        {
            Console.Out.WriteLine(line);
        }
    }
}
