using System.Text;
using System.Text.Json;

namespace Upt.Kinesis.Internal;

/// <summary>Turns error answers into <see cref="KinesisException"/> and classifies them for retries.</summary>
internal static class KinesisErrors
{
    /// <summary>Parses a JSON 1.1 error body (<c>__type</c>, <c>message</c>/<c>Message</c>), falling back to the <c>x-amzn-ErrorType</c> header.</summary>
    public static KinesisException Parse(int statusCode, ReadOnlySpan<byte> body, string? errorTypeHeader)
    {
        string? type = null;
        string? message = null;
        if (body.Length > 0)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isType = reader.ValueTextEquals("__type") || reader.ValueTextEquals("code");
                        var isMessage = reader.ValueTextEquals("message") || reader.ValueTextEquals("Message");
                        reader.Read();
                        if (isType && reader.TokenType == JsonTokenType.String)
                        {
                            type ??= reader.GetString();
                        }
                        else if (isMessage && reader.TokenType == JsonTokenType.String)
                        {
                            message ??= reader.GetString();
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
            }
            catch (JsonException)
            {
                message = Snippet(body);
            }
        }

        type ??= errorTypeHeader;
        type = ShortType(type) ?? (statusCode >= 500 ? "InternalFailure" : $"Http{statusCode}");
        return new KinesisException(type, message ?? string.Empty, statusCode);
    }

    /// <summary>True for throttling, HTTP 5xx and server-side failures.</summary>
    public static bool IsRetryable(KinesisException e) =>
        e.StatusCode >= 500
        || e.ErrorType is "ProvisionedThroughputExceededException" or "LimitExceededException" or "KMSThrottlingException"
            or "ThrottlingException" or "InternalFailure" or "ServiceUnavailable" or "ServiceUnavailableException";

    private static string? ShortType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var hash = type.LastIndexOf('#');
        if (hash >= 0)
        {
            type = type[(hash + 1)..];
        }

        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        return type.Trim();
    }

    private static string Snippet(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > 256 ? body[..256] : body);
        return text.ReplaceLineEndings(" ");
    }
}
