namespace Upt.Matching.Import;

/// <summary>Profiles a third party says are one traveller: every two of them are a match pair with <see cref="Score"/>.</summary>
/// <param name="GroupId">The group id of the file.</param>
/// <param name="ProfileIds">The group's distinct profile ids (at least two), in file order.</param>
/// <param name="Score">The group's confidence score: the lowest its rows give.</param>
/// <param name="Line">The line of the group's first row.</param>
public sealed record MatchGroup(string GroupId, IReadOnlyList<string> ProfileIds, double Score, int Line)
{
    /// <summary>The group's pairs, each once, in file order.</summary>
    public IEnumerable<(string A, string B)> Pairs()
    {
        for (var i = 0; i < ProfileIds.Count; i++)
        {
            for (var j = i + 1; j < ProfileIds.Count; j++)
            {
                yield return (ProfileIds[i], ProfileIds[j]);
            }
        }
    }
}
