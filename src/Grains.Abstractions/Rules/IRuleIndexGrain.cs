namespace Upt.Grains;

/// <summary>
/// One value of one rule of one rule-set version: which profiles carry it, in either of UPT's two index columns.
/// Key: <c>{domain}/{version}/{ruleIndex}/{value}</c>. It is the serialization point that makes matching race-free:
/// a profile registers and probes in one turn, so of two profiles arriving at once the second always finds the first.
/// Durable membership is the profiles' own lookup rows (written before they link); this grain reloads them on activation.
/// </summary>
[Alias("upt.IRuleIndexGrain")]
public interface IRuleIndexGrain : IGrainWithStringKey
{
    /// <summary>Registers the profile as asked and returns the probe's matches.</summary>
    [Alias("Link")]
    ValueTask<RuleLinkResult> LinkAsync(RuleLink link, CancellationToken cancellationToken = default);

    /// <summary>The profile no longer carries this value.</summary>
    [Alias("Unlink")]
    ValueTask UnlinkAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>Profiles merged away: their entries now belong to <paramref name="survivorProfileId"/>.</summary>
    [Alias("Replace")]
    ValueTask ReplaceAsync(IReadOnlyList<string> absorbedProfileIds, string survivorProfileId, CancellationToken cancellationToken = default);
}
