using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Upt.Rules;

namespace Upt.Api.Contracts;

/// <summary>UPT's shared response envelope: <c>TxID</c> and <c>error</c> always, the rest only when relevant.</summary>
public sealed record UcpResponse
{
    [JsonPropertyName("TxID")] public string TxId { get; init; } = "";

    [JsonPropertyName("error")] public UcpError Error { get; init; } = UcpError.None;

    [JsonPropertyName("profiles"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonObject>? Profiles { get; init; }

    [JsonPropertyName("paginationMetadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, PaginationMetadata>? PaginationMetadata { get; init; }

    /// <summary>The 360 view's match candidates (<c>GET /profile/{id}</c>).</summary>
    [JsonPropertyName("matches"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MatchCandidateView>? Matches { get; init; }

    /// <summary>The domain's match pairs awaiting review (<c>GET /profile?matches=true</c>).</summary>
    [JsonPropertyName("matchPairs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MatchPairView>? MatchPairs { get; init; }

    /// <summary>The match pairs the caller may see over all pages (UPT: an estimate; Upt: exact).</summary>
    [JsonPropertyName("totalMatchPairs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? TotalMatchPairs { get; init; }

    [JsonPropertyName("config"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DomainConfig? Config { get; init; }

    [JsonPropertyName("ingestionErrors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IngestionErrorView>? IngestionErrors { get; init; }

    [JsonPropertyName("totalErrors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? TotalErrors { get; init; }

    [JsonPropertyName("asyncEvent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AsyncEvent? AsyncEvent { get; init; }

    [JsonPropertyName("awsResources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AwsResources? AwsResources { get; init; }

    [JsonPropertyName("ruleSets"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RuleSet>? RuleSets { get; init; }

    [JsonPropertyName("interactionHistory"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InteractionHistoryView>? InteractionHistory { get; init; }

    /// <summary>The <c>_profile</c> field names rules may use (for the rule editor).</summary>
    [JsonPropertyName("profileMappings"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ProfileMappings { get; init; }

    /// <summary>The domain's data-access grants, by group (Upt route).</summary>
    [JsonPropertyName("dataPermissions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DataPermissionView>? DataPermissions { get; init; }

    /// <summary>The domain's privacy searches (<c>GET /ucp/privacy</c>).</summary>
    [JsonPropertyName("privacySearchResults"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PrivacySearchResultView>? PrivacySearchResults { get; init; }

    /// <summary>One privacy search with its locations (<c>GET /ucp/privacy/{id}</c>).</summary>
    [JsonPropertyName("privacySearchResult"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PrivacySearchResultView? PrivacySearchResult { get; init; }

    /// <summary>Whether a purge runs in the domain (<c>GET /ucp/privacy/purge</c>).</summary>
    [JsonPropertyName("privacyPurgeStatus"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PrivacyPurgeStatusView? PrivacyPurgeStatus { get; init; }

    /// <summary>What a third-party match import did (Upt route).</summary>
    [JsonPropertyName("matchImport"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MatchImportView? MatchImport { get; init; }

    /// <summary>The domain's hyperlink templates.</summary>
    [JsonPropertyName("portalConfig"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PortalConfigView? PortalConfig { get; init; }

    /// <summary>The domain's summary prompt and auto-merge threshold.</summary>
    [JsonPropertyName("domainSetting"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DomainSettingView? DomainSetting { get; init; }

    /// <summary>A narrative summary of one profile.</summary>
    [JsonPropertyName("profileSummary"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProfileSummary { get; init; }

    /// <summary>What an operator's retry of an error record did (Upt route).</summary>
    [JsonPropertyName("errorRetry"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ErrorRetryView? ErrorRetry { get; init; }

    /// <summary>UPT's deployed industry connectors (<c>GET /api/ucp/connector</c>); always empty in Upt.</summary>
    [JsonPropertyName("connectors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConnectorView>? Connectors { get; init; }
}

/// <summary>Per record list: how many records the profile has of that type.</summary>
public sealed record PaginationMetadata([property: JsonPropertyName("total_records")] long TotalRecords);

/// <summary><c>config.domains</c>.</summary>
public sealed record DomainConfig([property: JsonPropertyName("domains")] IReadOnlyList<DomainView> Domains);

/// <summary>A domain as UPT lists it; counts only on the single-domain read.</summary>
public sealed record DomainView
{
    [JsonPropertyName("customerProfileDomain")] public required string CustomerProfileDomain { get; init; }

    [JsonPropertyName("created")] public DateTimeOffset? Created { get; init; }

    [JsonPropertyName("lastUpdated"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastUpdated { get; init; }

    [JsonPropertyName("numberOfObjects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? NumberOfObjects { get; init; }

    [JsonPropertyName("numberOfProfiles"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? NumberOfProfiles { get; init; }

    [JsonPropertyName("numberOfErrors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? NumberOfErrors { get; init; }

    [JsonPropertyName("objectCounts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, long>? ObjectCounts { get; init; }

    [JsonPropertyName("matchingEnabled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? MatchingEnabled { get; init; }

    /// <summary>UPT: newer object mappings or a missing stream mapping; Upt has neither, so false whenever set.</summary>
    [JsonPropertyName("needsMappingUpdate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? NeedsMappingUpdate { get; init; }
}

/// <summary>UPT's async event block: <c>item_type</c> is the event id, <c>item_id</c> the use case; Upt adds <c>error</c> when it failed.</summary>
public sealed record AsyncEvent(
    [property: JsonPropertyName("item_type")] string ItemType,
    [property: JsonPropertyName("item_id")] string ItemId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("lastUpdated")] DateTimeOffset LastUpdated,
    [property: JsonPropertyName("progress")] double Progress,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

/// <summary>
/// An error record as UPT's API shows it; Upt adds <c>source</c> (file and line) for batch records, and <c>retryCount</c> and
/// <c>lastRetryAt</c> (the retries of its raw record so far).
/// </summary>
public sealed record IngestionErrorView(
    [property: JsonPropertyName("error_id")] string ErrorId,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("businessObjectType")] string BusinessObjectType,
    [property: JsonPropertyName("reccord")] string Record,
    [property: JsonPropertyName("travelerId")] string TravelerId,
    [property: JsonPropertyName("transactionId")] string TransactionId,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null,
    [property: JsonPropertyName("retryCount")] int RetryCount = 0,
    [property: JsonPropertyName("lastRetryAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LastRetryAt = null);
