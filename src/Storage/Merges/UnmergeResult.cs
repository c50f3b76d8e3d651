namespace Upt.Storage;

/// <summary>
/// What an unmerge did. After <see cref="UnmergeStatus.Unmerged"/> the caller rebuilds the fields and lookups of
/// <see cref="ProfileId"/> and <see cref="ParentProfileId"/> from their objects
/// (<see cref="ProfileStore.GetAllObjectsAsync"/>) and writes them with an ordinary <see cref="ProfileWrite"/>:
/// the unmerged profile comes back with the fields it had when it was absorbed and with no lookups.
/// </summary>
/// <param name="Status">How it ended; nothing changed unless <see cref="UnmergeStatus.Unmerged"/>.</param>
/// <param name="Message">Why it failed, or empty.</param>
/// <param name="ProfileId">The profile taken out, live again.</param>
/// <param name="ParentProfileId">The live profile it left: the merged-into profile, or the profile that one forwards to.</param>
/// <param name="LineageProfileIds">The original profile ids that moved with it (itself included), sorted.</param>
/// <param name="MovedTravellerIds">The traveller ids re-pointed to <see cref="ProfileId"/>, sorted.</param>
/// <param name="MovedObjects">The number of objects re-pointed to <see cref="ProfileId"/>.</param>
public sealed record UnmergeResult(
    UnmergeStatus Status,
    string Message,
    string ProfileId,
    string? ParentProfileId,
    IReadOnlyList<string> LineageProfileIds,
    IReadOnlyList<string> MovedTravellerIds,
    long MovedObjects)
{
    /// <summary>True when the unmerge was done.</summary>
    public bool Succeeded => Status == UnmergeStatus.Unmerged;

    internal static UnmergeResult Failed(UnmergeStatus status, string profileId, string message) =>
        new(status, message, profileId, null, [], [], 0);
}
