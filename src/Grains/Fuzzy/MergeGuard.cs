using Upt.Matching;
using Upt.Matching.Scoring;
using Upt.Storage;

namespace Upt.Grains.Fuzzy;

/// <summary>
/// The online form of the offline clusterer's chaining guard (<see cref="MatchSettings.ClusterGuardThreshold"/>):
/// two profiles merge only if every profile that went into one (its merged-away profiles, with the fields they had)
/// scores at least the guard against every profile that went into the other. A survivor's own fields are a blend,
/// so comparing only the two survivors would let A~B~C merge A with a plainly different C. Operators' false-positive
/// marks between the two clusters are honoured as well.
/// </summary>
internal static class MergeGuard
{
    // Clusters are small (a traveller's duplicates); the cap bounds a pathological one to 40,000 comparisons.
    private const int MaxClusterRows = 200;

    public static async Task<GuardVerdict> CheckAsync(FuzzyProfileReader reader, string domain, string profileId, string otherProfileId, CancellationToken cancellationToken)
    {
        var mineTask = reader.ClusterAsync(domain, profileId, MaxClusterRows, cancellationToken);
        var theirsTask = reader.ClusterAsync(domain, otherProfileId, MaxClusterRows, cancellationToken);
        var (mine, theirs) = (await mineTask, await theirsTask);
        if (await reader.AnyFalsePositiveAsync(domain, mine.Select(m => m.ProfileId).ToList(), theirs.Select(t => t.ProfileId).ToList(), cancellationToken))
        {
            return GuardVerdict.FalsePositive;
        }

        var guard = MatchSettings.Default.ClusterGuardThreshold;
        var theirCandidates = theirs.Select(t => FuzzyInputs.FromStateJson(t.FieldsJson).ToCandidate()).ToList();
        foreach (var row in mine)
        {
            var candidate = FuzzyInputs.FromStateJson(row.FieldsJson).ToCandidate();
            if (theirCandidates.Any(other => MatchScorer.Score(candidate, other).Score < guard))
            {
                return GuardVerdict.Chaining;
            }
        }

        return GuardVerdict.Allowed;
    }
}
