namespace Upt.Kinesis;

/// <summary>AWS credentials: an access key pair, an optional session token and an optional expiry.</summary>
/// <param name="AccessKeyId">The access key id (not secret; safe to log).</param>
/// <param name="SecretAccessKey">The secret access key. Never logged; redacted by <see cref="ToString"/>.</param>
/// <param name="SessionToken">The session token of temporary credentials, or null.</param>
/// <param name="Expiration">When temporary credentials expire, or null for long-lived ones.</param>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null)
{
    /// <summary>The access key id, the expiry and whether a session token is present; secrets are redacted.</summary>
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "null" : "***")}, Expiration = {Expiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "null"} }}";
}
