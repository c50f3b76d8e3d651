namespace Upt.Grains;

/// <summary>What happened to a profile.</summary>
public enum ChangeKind
{
    /// <summary>A new profile was created (with its first object).</summary>
    Created = 0,

    /// <summary>An object was added to or changed on an existing profile.</summary>
    Updated = 1,

    /// <summary>The profile absorbed another one.</summary>
    Merged = 2,

    /// <summary>A merge was undone.</summary>
    Unmerged = 3,

    /// <summary>The profile was deleted.</summary>
    Deleted = 4,

    /// <summary>A GDPR purge removed everything Upt kept about the profile (it follows the profile's <see cref="Deleted"/>).</summary>
    Purged = 5,
}
