using System.Diagnostics.CodeAnalysis;
using Upt.S3;

namespace Upt.Batch.Sources;

/// <summary>Turns the source text of a job (<c>s3://bucket[/prefix]</c> or an absolute folder path) into an <see cref="IBatchSource"/>.</summary>
/// <param name="s3">Gives the S3 client, only when an s3 source is asked for (so a silo without S3 settings still runs folder jobs).</param>
public sealed class BatchSourceFactory(Func<IS3Client> s3)
{
    /// <summary>Creates the source; false with a message saying what is wrong with <paramref name="text"/>.</summary>
    public bool TryCreate(string? text, [NotNullWhen(true)] out IBatchSource? source, [NotNullWhen(false)] out string? error)
    {
        source = null;
        if (!TryParse(text, out var location, out var folder, out error))
        {
            return false;
        }

        source = location is not null ? new S3BatchSource(s3(), location) : new LocalFolderSource(folder!);
        return true;
    }

    /// <summary>Checks the syntax of a source: an s3 location, or an absolute folder path (exactly one comes back).</summary>
    public static bool TryParse(string? text, out S3Location? location, out string? folder, [NotNullWhen(false)] out string? error)
    {
        location = null;
        folder = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the source is empty; expected s3://bucket[/prefix] or an absolute folder path";
            return false;
        }

        if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return S3Location.TryParse(text, out location, out error);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            error = $"unsupported source \"{text}\"; expected s3://bucket[/prefix] or an absolute folder path";
            return false;
        }

        if (!Path.IsPathFullyQualified(text))
        {
            error = $"the folder \"{text}\" must be an absolute path (it is read by the silo, not by the caller)";
            return false;
        }

        folder = text;
        error = null;
        return true;
    }
}
