namespace Upt.Storage;

/// <summary>A queued write and the task its caller awaits.</summary>
internal sealed class PendingWrite(ProfileWrite? profile, IReadOnlyList<ErrorRow>? errors)
{
    public ProfileWrite? Profile { get; } = profile;

    public IReadOnlyList<ErrorRow>? Errors { get; } = errors;

    public TaskCompletionSource<WriteResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int RowCount => Profile is { } p
        ? 1 + (p.Absorbed.Count * 100) + p.NewTravellers.Count + p.Objects.Count + p.AddLookups.Count + p.RemoveLookups.Count
        : Errors!.Count;
}
