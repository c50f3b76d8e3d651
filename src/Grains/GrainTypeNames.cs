namespace Upt.Grains;

/// <summary>Grain type names of grains that other code addresses by type (e.g. to find their live activations).</summary>
internal static class GrainTypeNames
{
    public const string Profile = "profile";

    public const string Identifier = "identifier";
    public const string RuleIndex = "ruleindex";
}
