using System.Globalization;

namespace Upt.Integration.Tests;

/// <summary>Reads a Prometheus text scrape (<c>/metrics</c>) of a silo or the API.</summary>
internal static class Metrics
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Task<string> ScrapeAsync(Uri baseUrl, CancellationToken cancellationToken) =>
        Http.GetStringAsync(new Uri(baseUrl, "/metrics"), cancellationToken);

    /// <summary>The sum of every series of <paramref name="metric"/> (all label sets), 0 when absent.</summary>
    public static double Sum(string scrape, string metric) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
