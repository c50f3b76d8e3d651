namespace Upt.Cli.Batch;

/// <summary>The API refused a batch request; <see cref="Exception.Message"/> is its UPT error message.</summary>
internal sealed class BatchApiException(int status, string message) : Exception(message)
{
    /// <summary>The HTTP status (400 bad request, 404 no such domain, 409 already running).</summary>
    public int Status { get; } = status;
}
