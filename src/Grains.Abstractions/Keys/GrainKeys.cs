namespace Upt.Grains;

/// <summary>
/// Builds and parses grain keys in one place. Domains are lower snake case (no '/'), so the first
/// '/' always ends the domain; identifier values may contain '/'.
/// </summary>
public static class GrainKeys
{
    /// <summary>Domain grain key: <c>{domain}</c>.</summary>
    public static string Domain(string domain) => domain;

    /// <summary>Profile grain key: <c>{domain}/{profileId}</c>.</summary>
    public static string Profile(string domain, string profileId) => $"{domain}/{profileId}";

    /// <summary>Identifier grain key: <c>{domain}/{kind}/{value}</c>.</summary>
    public static string Identifier(string domain, string kind, string value) => $"{domain}/{kind}/{value}";

    /// <summary>Rule-index grain key: <c>{domain}/{version}/{ruleIndex}/{value}</c>.</summary>
    public static string RuleIndex(string domain, int version, int ruleIndex, string value) => $"{domain}/{version}/{ruleIndex}/{value}";

    /// <summary>Splits a rule-index key into domain, rule-set version, rule index and value.</summary>
    public static (string Domain, int Version, int RuleIndex, string Value) ParseRuleIndex(string key)
    {
        var parts = key.Split('/', 4);
        if (parts.Length != 4 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var version)
            || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var rule))
        {
            throw new ArgumentException($"Not a rule-index key: '{key}'", nameof(key));
        }

        return (parts[0], version, rule, parts[3]);
    }

    /// <summary>Batch job grain key: <c>{domain}/{objectType}</c>, the type being <c>*</c> for the job over every type.</summary>
    public static string BatchJob(string domain, string objectType) => $"{domain}/{objectType}";

    /// <summary>Fuzzy-matching block grain key: <c>{domain}/block/{blockKey}</c>.</summary>
    public static string MatchBlock(string domain, string blockKey) => $"{domain}/block/{blockKey}";

    /// <summary>Splits a batch job key into domain and object type.</summary>
    public static (string Domain, string ObjectType) ParseBatchJob(string key) => ParseProfile(key);

    /// <summary>Splits a profile key into domain and profile id.</summary>
    public static (string Domain, string ProfileId) ParseProfile(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new ArgumentException($"Not a profile key: '{key}'", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>Splits an identifier key into domain, kind and value.</summary>
    public static (string Domain, string Kind, string Value) ParseIdentifier(string key)
    {
        var first = key.IndexOf('/', StringComparison.Ordinal);
        var second = first < 0 ? -1 : key.IndexOf('/', first + 1);
        if (first <= 0 || second < 0)
        {
            throw new ArgumentException($"Not an identifier key: '{key}'", nameof(key));
        }

        return (key[..first], key[(first + 1)..second], key[(second + 1)..]);
    }
}
