using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Upt.Batch;
using Upt.Batch.Backup;
using Upt.Batch.Sources;
using Upt.Grains.Ingest.Backup;
using Upt.S3;

namespace Upt.Grains.Privacy;

/// <summary>
/// The raw backup (<see cref="BackupOptions.Target"/>) as a privacy search and purge see it: the lines of a domain's
/// files (and of <see cref="BatchPaths.UnparsedFolder"/>, which holds records without a valid domain) that name a
/// subject, found by reading the target as a batch source and erased by writing each file again without them (a
/// whole-file replace, as the backup writes). Off when no target is set.
/// </summary>
internal sealed class RawBackupArchive
{
    // Kinesis records are at most 1 MiB; a record wrapped for _unparsed grows by a third at most as base64.
    private const int MaxLineBytes = 4 * 1024 * 1024;

    private readonly IBatchSource? _source;
    private readonly IBackupSink? _sink;

    public RawBackupArchive(IOptions<BackupOptions> options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        var target = options.Value.Target;
        if (string.IsNullOrWhiteSpace(target))
        {
            return;
        }

        IS3Client S3() => services.GetRequiredKeyedService<IS3Client>(BackupServiceCollectionExtensions.S3ClientName);
        if (!new BatchSourceFactory(S3).TryCreate(target, out _source, out var error) || !BackupSinks.TryCreate(target, S3, out _sink, out error))
        {
            throw new OptionsValidationException(BackupOptions.Section, typeof(BackupOptions), [$"Backup:Target: {error}"]);
        }
    }

    /// <summary>True when a backup target is set.</summary>
    public bool Enabled => _source is not null;

    /// <summary>The backup files of <paramref name="domain"/> with lines holding one of <paramref name="needles"/>, and how many such lines each holds.</summary>
    public async Task<IReadOnlyList<BackupHit>> FindAsync(string domain, IReadOnlyList<string> needles, CancellationToken cancellationToken)
    {
        if (_source is null || needles.Count == 0)
        {
            return [];
        }

        var patterns = Patterns(needles);
        var hits = new List<BackupHit>();
        foreach (var folder in new[] { domain, BatchPaths.UnparsedFolder })
        {
            foreach (var file in (await _source.ListAsync(folder, cancellationToken)).Files)
            {
                var lines = 0;
                await foreach (var line in _source.ReadLinesAsync(file, MaxLineBytes, cancellationToken))
                {
                    lines += Names(line.Data, patterns) ? 1 : 0;
                }

                if (lines > 0)
                {
                    hits.Add(new BackupHit(file, lines));
                }
            }
        }

        return hits;
    }

    /// <summary>Writes <paramref name="hit"/>'s file again without the lines holding one of <paramref name="needles"/>; returns how many lines went.</summary>
    /// <exception cref="InvalidOperationException">A line is too long to be kept as it is.</exception>
    public async Task<int> EraseAsync(BackupHit hit, IReadOnlyList<string> needles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (_source is null || _sink is null)
        {
            return 0;
        }

        var patterns = Patterns(needles);
        using var kept = new MemoryStream();
        var removed = 0;
        await foreach (var line in _source.ReadLinesAsync(hit.File, MaxLineBytes, cancellationToken))
        {
            if (Names(line.Data, patterns))
            {
                removed++;
                continue;
            }

            if (line.TooLong)
            {
                throw new InvalidOperationException($"line {line.Number} of backup file {hit.File.Path} is longer than {MaxLineBytes} bytes: the file was not rewritten");
            }

            kept.Write(line.Data);
            kept.WriteByte((byte)'\n');
        }

        if (removed > 0)
        {
            await _sink.WriteAsync(hit.File.Path, kept.ToArray(), cancellationToken);
        }

        return removed;
    }

    private static byte[][] Patterns(IReadOnlyList<string> needles) => needles.Select(Encoding.UTF8.GetBytes).ToArray();

    private static bool Names(byte[] line, byte[][] patterns)
    {
        foreach (var pattern in patterns)
        {
            if (line.AsSpan().IndexOf(pattern) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
