using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Upt.Transforms.Envelope;

/// <summary>
/// Outcome of <see cref="EnvelopeParser.Parse"/>. Owns the parsed document that <see cref="IngestEnvelope.Data"/>
/// points into; dispose it once the envelope has been transformed.
/// </summary>
public sealed class EnvelopeParseResult : IDisposable
{
    private readonly JsonDocument? _document;

    internal EnvelopeParseResult(IngestEnvelope? envelope, TransformError? error, JsonDocument? document)
    {
        Envelope = envelope;
        Error = error;
        _document = document;
    }

    /// <summary>The envelope, or null on failure.</summary>
    public IngestEnvelope? Envelope { get; }

    /// <summary>The rejection reason, or null on success.</summary>
    public TransformError? Error { get; }

    /// <summary>True when the envelope is valid.</summary>
    [MemberNotNullWhen(true, nameof(Envelope))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Envelope is not null;

    /// <inheritdoc />
    public void Dispose() => _document?.Dispose();
}
