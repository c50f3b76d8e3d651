using System.Globalization;
using Upt.Matching;
using Upt.Transforms.Records;

namespace Upt.Rules;

/// <summary>
/// Turns a record (profile-level data plus optionally one object) into the index keys of a rule set, as UPT's
/// <c>createRuleIndex</c> does (upt-core §3.4). Build one per rule set and reuse it: rules, regular expressions and
/// templates are compiled once. Thread-safe.
/// </summary>
public sealed class RuleIndexer
{
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss"];
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    private readonly CompiledRule[] _rules;
    private readonly BlockedValues _blocked;
    private readonly TimeProvider _clock;

    /// <summary>An indexer for <paramref name="rules"/>; placeholders from <paramref name="blocked"/> (default lists when null).</summary>
    public RuleIndexer(IReadOnlyList<Rule> rules, BlockedValues? blocked = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.Select(r => new CompiledRule(r)).ToArray();
        _blocked = blocked ?? BlockedValues.Default;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>An indexer for the rules of <paramref name="ruleSet"/> (none when null).</summary>
    public static RuleIndexer For(RuleSet? ruleSet, BlockedValues? blocked = null) => new(ruleSet?.Rules ?? [], blocked);

    /// <summary>True when there are no rules (nothing to index or match).</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>True when some rule names <paramref name="objectType"/>; objects of other types produce no object-level keys.</summary>
    public bool Involves(string objectType) => _rules.Any(r => r.Types.Contains(objectType));

    /// <summary>The <c>within_seconds</c> window of rule <paramref name="ruleIndex"/>, or null when it has none.</summary>
    public TimeSpan? WindowOf(int ruleIndex) => _rules.FirstOrDefault(r => r.Index == ruleIndex)?.Window;

    /// <summary>
    /// The keys of every rule that applies to the record, in rule order. A rule gives nothing when a skip condition
    /// holds, when both sides of one of its match conditions are blank, or when a value is a placeholder
    /// (<see cref="BlockedValues"/>, or all one repeated digit).
    /// </summary>
    /// <param name="profile">Profile-level data, Upt field name → value (e.g. <c>FirstName</c>, <c>Address.City</c>).</param>
    /// <param name="item">The object being indexed, or null to index the profile-level data only.</param>
    public IReadOnlyList<RuleIndexKey> Index(IReadOnlyDictionary<string, string> profile, RuleObject? item = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var record = new RecordView(profile, item);
        var keys = new List<RuleIndexKey>();
        foreach (var rule in _rules)
        {
            if (KeyOf(rule, record) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The keys of the profile-level rules (every condition on <c>_profile</c>): a function of the profile's fields alone.</summary>
    public IReadOnlyList<RuleIndexKey> IndexProfile(IReadOnlyDictionary<string, string> profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var record = new RecordView(profile, null);
        var keys = new List<RuleIndexKey>();
        foreach (var rule in _rules)
        {
            if (rule.IsProfileLevel && KeyOf(rule, record) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The keys of the object-level rules that name <paramref name="item"/>'s type: they belong to the object, not the profile's fields.</summary>
    public IReadOnlyList<RuleIndexKey> IndexObject(IReadOnlyDictionary<string, string> profile, RuleObject item)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(item);
        var record = new RecordView(profile, item);
        var keys = new List<RuleIndexKey>();
        foreach (var rule in _rules)
        {
            if (!rule.IsProfileLevel && rule.Types.Contains(item.Type) && KeyOf(rule, record) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private RuleIndexKey? KeyOf(CompiledRule rule, in RecordView record)
    {
        foreach (var skip in rule.Skips)
        {
            if (skip.Holds(record))
            {
                return null;
            }
        }

        var seg1 = new List<string>();
        var seg2 = new List<string>();
        var used1 = new HashSet<(string, string)>();
        var used2 = new HashSet<(string, string)>();
        foreach (var (incoming, existing, normalization) in rule.Matches)
        {
            var v1 = Segment(incoming, normalization, record, out var blocked1);
            var v2 = Segment(existing, normalization, record, out var blocked2);
            if (blocked1 || blocked2 || (v1 is null && v2 is null))
            {
                return null;
            }

            if (v1 is not null && used1.Add((incoming.Type, incoming.Field)))
            {
                seg1.Add(v1);
            }

            if (v2 is not null && used2.Add((existing.Type, existing.Field)))
            {
                seg2.Add(v2);
            }
        }

        if (seg1.Count == 0 && seg2.Count == 0)
        {
            return null;
        }

        var timestamp = rule.Window is null ? (DateTimeOffset?)null : TimestampOf(record);
        return new RuleIndexKey(rule.Index, string.Join('_', seg1), string.Join('_', seg2), timestamp);
    }

    /// <summary>The normalised value of one side, or null when it is blank or not this record's type.</summary>
    private string? Segment(FieldRef side, IndexNormalization? normalization, in RecordView record, out bool blocked)
    {
        blocked = false;
        var raw = side.Read(record);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var value = IndexNormalizer.Apply(raw, normalization);
        if (value.Length == 0)
        {
            return null;
        }

        blocked = side.IsBlocked(record, raw, _blocked) || IsRepeatedDigit(value);
        return value;
    }

    // 0000000 or 99999 is a filler whatever the field: a name, a booking id, a postcode.
    private static bool IsRepeatedDigit(string value) => value.Length >= 2 && char.IsAsciiDigit(value[0]) && value.All(c => c == value[0]);

    /// <summary>
    /// The object's <c>timestamp</c> (UPT's <c>YYYY-MM-DD HH:MM:SS.mmm</c>), else its <c>last_updated</c> (ISO 8601, as
    /// the transforms write it), else now; times without an offset are UTC.
    /// </summary>
    private DateTimeOffset TimestampOf(in RecordView record)
    {
        if (record.Object is { } item)
        {
            foreach (var field in (ReadOnlySpan<string>)[RuleObjectTypes.TimestampField, RecordFields.LastUpdated])
            {
                if (item.Fields.TryGetValue(field, out var text)
                    && (DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, Utc, out var parsed)
                        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Utc, out parsed)))
                {
                    return parsed;
                }
            }
        }

        return _clock.GetUtcNow();
    }
}
