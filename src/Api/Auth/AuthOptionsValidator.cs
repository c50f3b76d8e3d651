using System.Net;
using Microsoft.Extensions.Options;

namespace Upt.Api.Auth;

/// <summary>Fails start-up on an auth configuration that would trust the wrong issuer or nobody.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.GroupsClaim))
        {
            errors.Add("Auth:GroupsClaim must not be empty.");
        }

        if (options.Development.Enabled)
        {
            // One issuer at a time: a production configuration that also switched the dev issuer on would accept
            // tokens anyone can mint.
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                errors.Add("Auth:Development:Enabled=true and Auth:Authority are exclusive; set one.");
            }

            if (!Uri.TryCreate(options.Development.Authority, UriKind.Absolute, out var dev) || dev.Scheme is not ("http" or "https"))
            {
                errors.Add("Auth:Development:Authority must be the http(s) URL of the local dev issuer.");
            }
            else if (!IsLoopback(dev))
            {
                errors.Add($"Auth:Development:Authority must be a loopback address (127.0.0.1, ::1, localhost), not {dev.Host}: the dev issuer signs tokens for anyone.");
            }

            if (string.IsNullOrWhiteSpace(options.Development.Audience))
            {
                errors.Add("Auth:Development:Audience must not be empty.");
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
        {
            errors.Add("Auth:Authority is required: the OpenID Connect issuer URL (or set Auth:Enabled=false for a local test API).");
        }
        else if (authority.Scheme == "http" && options.RequireHttpsMetadata)
        {
            errors.Add("Auth:Authority must be https (set Auth:RequireHttpsMetadata=false for a local issuer only).");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add("Auth:Audience is required: the audience (or Cognito app client id) of the API's tokens.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
