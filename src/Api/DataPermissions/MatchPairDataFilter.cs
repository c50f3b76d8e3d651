using System.Globalization;
using System.Text.Json.Nodes;
using Upt.Api.Contracts;
using Upt.DataPermissions;
using Upt.Grains;

namespace Upt.Api.DataPermissions;

/// <summary>
/// Applies a caller's <see cref="DataAccess"/> to match pairs, which carry the profile-level data of two profiles
/// (UPT returned them unfiltered): a pair is shown only when the caller's traveller grant shows both profiles, and its
/// names, diff entries and candidate fields only where the grant shows that field on both sides.
/// </summary>
public static class MatchPairDataFilter
{
    private static readonly string[] PhoneKeys = ["phoneNumber", "mobilePhoneNumber", "homePhoneNumber", "businessPhoneNumber"];
    private static readonly string[] EmailKeys = ["personalEmailAddress", "businessEmailAddress"];

    /// <summary>The pair in UPT's <c>matchPairs[]</c> shape as the caller may see it, or null when it may not see both profiles.</summary>
    public static MatchPairView? Apply(DataAccess access, MatchPairEntry pair)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(pair);
        if (Visible(access, pair.Source) is not { } source || Visible(access, pair.Target) is not { } target)
        {
            return null;
        }

        var (s, t) = (pair.Source.ProfileId, pair.Target.ProfileId);
        var score = pair.Score.ToString("R", CultureInfo.InvariantCulture);
        var (low, high) = string.CompareOrdinal(s, t) <= 0 ? (s, t) : (t, s);
        return new MatchPairView
        {
            DomainSourceProfileId = $"{pair.Source.Domain}_{s}",
            MatchTargetProfileId = $"match_{t}",
            SourceProfileId = s,
            TargetProfileId = t,
            Domain = pair.Source.Domain,
            Score = score,
            ProfileDataDiff = pair.Diff
                .Where(d => Shows(access, source, d.FieldName) && Shows(access, target, d.FieldName))
                .Select(d => new MatchDiffView(d.FieldName, d.SourceValue, d.TargetValue)).ToList(),
            ScoreTargetId = $"match_{score}_{low}_{high}",
            MergeInProgress = pair.MergeInProgress,
            FalsePositive = pair.FalsePositive,
            Source = pair.Imported ? "import" : "ai",
            FirstNameS = Text(source, "firstName"),
            LastNameS = Text(source, "lastName"),
            FirstNameT = Text(target, "firstName"),
            LastNameT = Text(target, "lastName"),
        };
    }

    /// <summary>The pair's target as a 360-view match candidate, or null when the caller may not see that profile.</summary>
    public static MatchCandidateView? Candidate(DataAccess access, MatchPairEntry pair)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(pair);
        if (Visible(access, pair.Target) is not { } target)
        {
            return null;
        }

        return new MatchCandidateView
        {
            Confidence = pair.Score,
            Id = pair.Target.ProfileId,
            FirstName = Text(target, "firstName"),
            LastName = Text(target, "lastName"),
            BirthDate = Text(target, "birthDate"),
            Phone = FirstText(target, PhoneKeys),
            Email = FirstText(target, EmailKeys),
        };
    }

    private static JsonObject? Visible(DataAccess access, ProfileView profile) =>
        access.CanSee(DataObjects.Traveller) ? ProfileDataFilter.Apply(access, TravellerMapper.ToTraveller(profile)) : null;

    // An admin sees every field, also those the traveller view has no key for.
    private static bool Shows(DataAccess access, JsonObject traveller, string field) =>
        access.IsAdmin || (TravellerMapper.ViewKeyOf(field) is { } key && traveller.ContainsKey(key));

    private static string? Text(JsonObject traveller, string key) =>
        traveller.TryGetPropertyValue(key, out var value) ? value?.GetValue<string>() ?? "" : null;

    // The first non-empty of the keys the caller sees; empty when it sees some but all are empty.
    private static string? FirstText(JsonObject traveller, string[] keys)
    {
        var shown = keys.Select(k => Text(traveller, k)).OfType<string>().ToList();
        return shown.Count == 0 ? null : shown.FirstOrDefault(v => v.Length > 0) ?? "";
    }
}
