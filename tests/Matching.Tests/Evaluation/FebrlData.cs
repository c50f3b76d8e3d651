using System.Collections.Concurrent;
using Upt.Feed.Febrl;

namespace Upt.Matching.Tests.Evaluation;

/// <summary>FEBRL files from the shared data folder, mapped once to candidates through the profile-field path.</summary>
public static class FebrlData
{
    private static readonly ConcurrentDictionary<(string, bool), (FebrlRecord[] Records, MatchCandidate[] Candidates)> Cache = new();

    public static string Folder => Environment.GetEnvironmentVariable("UPT_FEBRL_DIR") ?? "/work/shared/febrl";

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static (FebrlRecord[] Records, MatchCandidate[] Candidates) Load(string file, bool withId) =>
        Cache.GetOrAdd((file, withId), key =>
        {
            var records = FebrlReader.ReadFile(PathOf(key.Item1)).ToArray();
            var candidates = records
                .AsParallel().AsOrdered()
                .Select(r => FebrlToProfileFields.Map(r, key.Item2))
                .Select(m => MatchCandidate.FromProfileFields(m.Fields, m.LoyaltyIds.Select(id => new LoyaltyId(FebrlToGuestProfile.ProgramName, id))))
                .ToArray();
            return (records, candidates);
        });
}
