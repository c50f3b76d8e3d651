using System.ComponentModel;

namespace Upt.Grains;

/// <summary>A domain's fuzzy-matching settings (UPT's <c>matchConfig</c>: threshold and whether auto-merge is on).</summary>
[GenerateSerializer, Immutable, Alias("upt.fuzzy-settings")]
public sealed record FuzzyMatchSettings
{
    /// <summary>When set, profiles are not compared as they change.</summary>
    /// <remarks>Switches default to false: stored grain state leaves default values out (see <see cref="IdentitySettings"/>).</remarks>
    [Id(0)] public bool Disabled { get; init; }

    /// <summary>When set, pairs at or above <see cref="AutoMergeThreshold"/> are stored for review instead of merged (type <c>ai</c>, factor = score).</summary>
    [Id(1)] public bool AutoMergeDisabled { get; init; }

    /// <summary>Pairs scoring at least this are merged automatically unless <see cref="AutoMergeDisabled"/> is set.</summary>
    /// <remarks>
    /// Stored grain state leaves out values equal to a member's default, which is its <see cref="DefaultValueAttribute"/>
    /// when it has one, else 0: without the attribute a threshold saved as 0.00 (UPT's slider allows it) came back 0.99.
    /// </remarks>
    [Id(2), DefaultValue(DefaultAutoMergeThreshold)] public double AutoMergeThreshold { get; init; } = DefaultAutoMergeThreshold;

    /// <summary>Pairs scoring at least this (and below the auto-merge threshold) are stored for review.</summary>
    [Id(3), DefaultValue(DefaultReviewThreshold)] public double ReviewThreshold { get; init; } = DefaultReviewThreshold;

    /// <summary>The auto-merge threshold of a new domain.</summary>
    public const double DefaultAutoMergeThreshold = 0.99;

    /// <summary>The review threshold of a new domain.</summary>
    public const double DefaultReviewThreshold = 0.5;
}
