using Microsoft.Extensions.Options;

namespace Upt.Kinesis;

/// <summary>Validates <see cref="KinesisClientOptions"/> for the options pipeline (<c>services.AddSingleton&lt;IValidateOptions&lt;KinesisClientOptions&gt;, KinesisClientOptionsValidator&gt;()</c>).</summary>
public sealed class KinesisClientOptionsValidator : IValidateOptions<KinesisClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KinesisClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
