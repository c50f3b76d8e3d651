using Microsoft.Extensions.Options;
using Upt.Batch.Sources;

namespace Upt.Grains.Ingest.Backup;

/// <summary>Checks the backup target's syntax (the same rules as a batch source, which is what a replay reads it as).</summary>
internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options) =>
        !options.IsEnabled || BatchSourceFactory.TryParse(options.Target, out _, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Backup:Target: {error}");
}
