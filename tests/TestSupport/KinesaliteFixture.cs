using Upt.DevInfra;
using Xunit;

namespace Upt.TestSupport;

/// <summary>One kinesalite server per test assembly; tests create streams with unique names.</summary>
public sealed class KinesaliteFixture : IAsyncLifetime
{
    private LocalKinesalite? _server;

    /// <summary>The Kinesis API endpoint.</summary>
    public Uri Endpoint => (_server ?? throw new InvalidOperationException("Server not started")).Endpoint;

    /// <summary>A stream name no other test uses.</summary>
    public static string NewStreamName(string prefix = "s") => $"{prefix}-{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync() => _server = await LocalKinesalite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
