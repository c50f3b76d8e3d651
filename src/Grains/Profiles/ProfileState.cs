using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upt.Grains.Profiles;

/// <summary>
/// What a profile grain keeps in memory and stores as one small jsonb: profile-level fields with
/// provenance and the loyalty ids seen. Its size depends on the fields, never on the number of objects.
/// </summary>
public sealed class ProfileState
{
    [JsonPropertyName("fields")]
    public Dictionary<string, FieldValue> Fields { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("loyalty")]
    public SortedSet<string> LoyaltyIds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The profile is one side of an unmerge (a negative link): rule resolution asks the block table about its matches.
    /// Profiles never unmerged skip that query. Set in the unmerge transaction and by the rebuild after it.
    /// </summary>
    [JsonPropertyName("unmergeBlocked"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool UnmergeBlocked { get; set; }

    /// <summary>Applies one value under the precedence rule; true when it changed the state.</summary>
    public bool Offer(string field, FieldValue incoming, IReadOnlyDictionary<string, int> ranks)
    {
        Fields.TryGetValue(field, out var existing);
        if (!FieldPrecedence.ShouldReplace(existing, incoming, ranks) || existing == incoming)
        {
            return false;
        }

        Fields[field] = incoming;
        return true;
    }

    /// <summary>A deep copy, so a failed write leaves the grain's state untouched.</summary>
    public ProfileState Clone() => new()
    {
        Fields = new Dictionary<string, FieldValue>(Fields, StringComparer.Ordinal),
        LoyaltyIds = new SortedSet<string>(LoyaltyIds, StringComparer.Ordinal),
        UnmergeBlocked = UnmergeBlocked,
    };

    /// <summary>The plain field values.</summary>
    public IReadOnlyDictionary<string, string> Values() => Fields.ToDictionary(f => f.Key, f => f.Value.Value, StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(this, ProfileStateJson.Default.ProfileState);

    public static ProfileState FromJson(string json) => JsonSerializer.Deserialize(json, ProfileStateJson.Default.ProfileState) ?? new ProfileState();
}

[JsonSerializable(typeof(ProfileState))]
internal sealed partial class ProfileStateJson : JsonSerializerContext;
