using Microsoft.Extensions.Options;

namespace Upt.S3;

/// <summary>Validates <see cref="S3ClientOptions"/> for the options pipeline (<c>services.AddSingleton&lt;IValidateOptions&lt;S3ClientOptions&gt;, S3ClientOptionsValidator&gt;()</c>).</summary>
public sealed class S3ClientOptionsValidator : IValidateOptions<S3ClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, S3ClientOptions options)
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
