namespace Upt.Api.Auth;

/// <summary>
/// UPT's application permission bits (<c>appPermissions.json</c>): a group <c>app-{scope}-{role}/{hex}</c> grants the
/// bits of its hex mask. Values are UPT's, so existing group names keep their meaning.
/// </summary>
[Flags]
public enum AppPermission : uint
{
    /// <summary>Any authenticated caller.</summary>
    Public = 0,
    SearchProfile = 0x1,
    DeleteProfile = 0x2,
    MergeProfile = 0x4,
    UnmergeProfile = 0x8,
    CreateDomain = 0x10,
    DeleteDomain = 0x20,
    ConfigureGenAi = 0x40,
    SaveHyperlink = 0x80,
    SaveRuleSet = 0x100,
    ActivateRuleSet = 0x200,
    RunGlueJobs = 0x400,
    ClearAllErrors = 0x800,
    RebuildCache = 0x1000,
    IndustryConnector = 0x2000,
    ListPrivacySearch = 0x4000,
    GetPrivacySearch = 0x8000,
    CreatePrivacySearch = 0x10000,
    DeletePrivacySearch = 0x20000,
    PrivacyDataPurge = 0x40000,
    ListRuleSet = 0x80000,

    /// <summary>Every bit (<c>app-global-adminRole/ffffffff</c>).</summary>
    Admin = 0xffffffff,
}
