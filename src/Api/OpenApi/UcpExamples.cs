namespace Upt.Api.OpenApi;

/// <summary>
/// An example request body (null for routes without one) and a successful answer for each named route, as a UPT
/// client would send and see them. Keyed by endpoint name; a test checks that every UCP route has one.
/// </summary>
internal static class UcpExamples
{
    // Placeholders keep the JSON below readable (no brace escaping).
    private const string Tx = "\"TxID\": \"5f0c3c1e-0000-4000-8000-000000000001\", \"error\": {\"code\": \"\", \"msg\": \"\", \"type\": \"\"}";
    private const string ConnectId = "0b6bd07e-8a44-5d1c-9b4e-3f2a1c9e7d10";
    private const string OtherId = "4e1f9a52-77c3-5b08-a6d2-8c5e0f3b2a91";

    private static readonly Dictionary<string, UcpExample> Examples = new(StringComparer.Ordinal)
    {
        ["ListDomains"] = new(null, """{@TX@, "config": {"domains": [{"customerProfileDomain": "travel_demo", "created": "2026-11-20T09:12:00Z"}]}}"""),
        ["CreateDomain"] = new("""{"domain": {"customerProfileDomain": "travel_demo"}}""",
            """{@TX@, "asyncEvent": {"item_type": "5f0c3c1e-0000-4000-8000-000000000001", "item_id": "createDomain", "status": "success", "lastUpdated": "2026-11-20T09:12:00Z", "progress": 1}}"""),
        ["GetDomain"] = new(null,
            """{@TX@, "config": {"domains": [{"customerProfileDomain": "travel_demo", "created": "2026-11-20T09:12:00Z", "numberOfObjects": 56895, "numberOfProfiles": 13527, "numberOfErrors": 0, "objectCounts": {"air_booking": 12034, "clickstream": 20111}, "matchingEnabled": true, "needsMappingUpdate": false}]}}"""),
        ["DeleteDomain"] = new(null,
            """{@TX@, "asyncEvent": {"item_type": "5f0c3c1e-0000-4000-8000-000000000001", "item_id": "deleteDomain", "status": "success", "lastUpdated": "2026-11-20T09:12:00Z", "progress": 1}}"""),
        ["SearchProfiles"] = new(null,
            """{@TX@, "profiles": [{"connectId": "@ID@", "travellerId": "7746832", "travellerIds": ["7746832"], "domain": "travel_demo", "firstName": "Ana", "lastName": "Silva", "personalEmailAddress": "ana.silva@example.com", "phoneNumber": "+351 912 345 678"}], "matchPairs": [{"domain_sourceProfileId": "travel_demo_@ID@", "match_targetProfileId": "match_@OTHER@", "sourceProfileID": "@ID@", "targetProfileID": "@OTHER@", "domain": "travel_demo", "score": "0.87", "profileDataDiff": [{"fieldName": "PersonalEmailAddress", "sourceValue": "ana.silva@example.com", "targetValue": "asilva@example.org"}], "runId": "latest", "scoreTargetId": "match_0.87_@ID@_@OTHER@", "mergeInProgress": false, "falsePositive": false, "source": "ai", "firstNameS": "Ana", "lastNameS": "Silva", "firstNameT": "Ana", "lastNameT": "Silva"}], "totalMatchPairs": 1}"""),
        ["GetProfile"] = new(null,
            """{@TX@, "profiles": [{"connectId": "@ID@", "travellerId": "7746832", "travellerIds": ["7746832"], "domain": "travel_demo", "firstName": "Ana", "lastName": "Silva", "birthDate": "1987-04-12", "homeAddress": {"address1": "Rua Augusta 10", "city": "Lisboa", "postalCode": "1100-053", "country": "PT"}, "attributes": {}, "airBookingRecords": [{"accpObjectID": "ABC123-LIS-JFK", "travellerId": "7746832", "from": "LIS", "to": "JFK", "status": "confirmed"}]}], "paginationMetadata": {"airBookingRecords": {"total_records": 1}}, "matches": [{"confidence": 0.87, "id": "@OTHER@", "firstName": "Ana", "lastName": "Silva", "birthDate": "", "phone": "", "email": "asilva@example.org"}]}"""),
        ["DeleteProfile"] = new(null, """{@TX@}"""),
        ["MergeProfiles"] = new("""{"mergeRq": [{"source": "@OTHER@", "target": "@ID@", "falsePositive": false, "mergeContext": {"mergeType": "manual", "operatorId": "agent-17"}}, {"source": "@ID@", "target": "7c2d5e1a-93b4-5f60-b8e2-1d4c6a9f0e37", "falsePositive": true}]}""",
            """{@TX@, "asyncEvent": {"item_type": "5f0c3c1e-0000-4000-8000-000000000001", "item_id": "mergeProfiles", "status": "success", "lastUpdated": "2026-11-20T09:12:00Z", "progress": 1}}"""),
        ["UnmergeProfiles"] = new("""{"unmergeRq": {"mergedIntoConnectID": "@ID@", "toUnmergeConnectID": "@OTHER@", "unmergeContext": {"mergeType": "manual", "operatorId": "agent-17"}}}""",
            """{@TX@, "asyncEvent": {"item_type": "5f0c3c1e-0000-4000-8000-000000000001", "item_id": "unmergeProfiles", "status": "success", "lastUpdated": "2026-11-20T09:12:00Z", "progress": 1}}"""),
        ["ImportMatches"] = new(null,
            """{@TX@, "matchImport": {"groups": 2, "pairs": 3, "merged": 2, "storedForReview": 1, "unresolvedIds": [], "issues": []}}"""),
        ["GetInteractionHistory"] = new(null,
            """{@TX@, "interactionHistory": [{"timestamp": "2026-11-20T09:12:00Z", "mergeType": "rule", "confidenceUpdateFactor": 1, "ruleId": "1", "ruleSetVersion": "2", "operatorId": "", "toMergeConnectId": "@OTHER@", "mergeIntoConnectId": "@ID@"}]}"""),
        ["ListErrors"] = new(null,
            """{@TX@, "ingestionErrors": [{"error_id": "kinesis/shardId-000000000001/49650000000000000000000000000000000000000000000001", "category": "transformer_exception", "message": "air_booking: missing required field 'booking_id'", "domain": "travel_demo", "businessObjectType": "air_booking", "reccord": "{...}", "travelerId": "7746832", "transactionId": "", "timestamp": "2026-11-20T09:12:00Z"}], "totalErrors": 1}"""),
        ["ListJobs"] = new(null,
            """{@TX@, "awsResources": {"jobs": [{"jobName": "air_booking", "lastRunTime": "2026-11-20T09:12:00Z", "status": "SUCCEEDED", "objectType": "air_booking", "filesTotal": 3, "filesDone": 3, "filesSkipped": 0, "filesIgnored": 0, "bytesTotal": 1048576, "bytesDone": 1048576, "records": 5000, "errors": 0, "linesSkipped": 0, "recordsPerSecond": 2130.5}]}}"""),
        ["StartJob"] = new("""{"startJobRq": {"jobName": "run-all-jobs", "domainName": "travel_demo"}}""", """{@TX@}"""),
        ["ListRuleSet"] = new(null,
            """{@TX@, "ruleSets": [{"name": "active", "latestVersion": 1, "lastActivationTimestamp": "2026-11-20T09:12:00Z", "rules": [{"index": 0, "name": "same loyalty id", "description": "Air loyalty ids are unique per programme", "conditions": [{"index": 0, "conditionType": "match", "incomingObjectType": "air_loyalty", "incomingObjectField": "loyalty_id", "op": "equals", "existingObjectType": "air_loyalty", "existingObjectField": "loyalty_id", "indexNormalization": {"lowercase": true, "trim": true}}]}]}], "profileMappings": ["FirstName", "LastName", "PersonalEmailAddress"]}"""),
        ["SaveRuleSet"] = new("""{"saveRuleSetRq": {"rules": [{"index": 0, "name": "same email", "description": "Personal e-mail identifies a traveller", "conditions": [{"index": 0, "conditionType": "match", "incomingObjectType": "_profile", "incomingObjectField": "PersonalEmailAddress", "op": "equals", "existingObjectType": "_profile", "existingObjectField": "PersonalEmailAddress", "indexNormalization": {"lowercase": true, "trim": true}}]}]}}""",
            """{@TX@}"""),
        ["RefreshDomain"] = new(null, """{@TX@}"""),
        ["ListConnectors"] = new(null, """{@TX@, "connectors": []}"""),
        ["LinkConnector"] = new(null,
            """{"TxID": "5f0c3c1e-0000-4000-8000-000000000001", "error": {"code": "400", "msg": "Upt has no industry connector (it is deprecated in UPT and not deployed by Upt): to load files, start a batch job with POST /api/ucp/jobs", "type": "validation_error"}}"""),
        ["StartFlows"] = new(null,
            """{"TxID": "5f0c3c1e-0000-4000-8000-000000000001", "error": {"code": "400", "msg": "AppFlow is not part of Upt: send records to the ingestion Kinesis stream, or load files with a batch job (POST /api/ucp/jobs)", "type": "validation_error"}}"""),
        ["RebuildCache"] = new(null,
            """{"TxID": "5f0c3c1e-0000-4000-8000-000000000001", "error": {"code": "400", "msg": "Upt has no caches to rebuild: it has no downstream Customer Profiles or DynamoDB caches and serves every read from its own store", "type": "validation_error"}}"""),
        ["ListCacheRuleSet"] = new(null,
            """{@TX@, "ruleSets": [{"name": "active", "latestVersion": 1, "lastActivationTimestamp": "2026-11-20T09:12:00Z", "rules": [{"index": 0, "name": "no test profiles", "description": "Test travellers stay out of the caches", "conditions": [{"index": 0, "conditionType": "skip", "incomingObjectType": "_profile", "incomingObjectField": "LastName", "op": "equals_value", "skipConditionValue": {"valueType": "string", "stringValue": "test"}}]}]}], "profileMappings": ["FirstName", "LastName", "PersonalEmailAddress"]}"""),
        ["SaveCacheRuleSet"] = new("""{"saveRuleSetRq": {"rules": [{"index": 0, "name": "no test profiles", "description": "Test travellers stay out of the caches", "conditions": [{"index": 0, "conditionType": "skip", "incomingObjectType": "_profile", "incomingObjectField": "LastName", "op": "equals_value", "skipConditionValue": {"valueType": "string", "stringValue": "test"}}]}]}}""", """{@TX@}"""),
        ["ActivateCacheRuleSet"] = new(null, """{@TX@}"""),
        ["ListDataPermissions"] = new(null,
            """{@TX@, "dataPermissions": [{"group": "ucp-travel_demo-admin", "permission": "*/*"}, {"group": "ucp-travel_demo-admin-agents", "permission": "traveller/*,birthDate\nair_booking/*?from = BOS or to = BOS"}]}"""),
        ["SaveDataPermission"] = new("""{"dataPermission": {"group": "ucp-travel_demo-admin-agents", "permission": "traveller/*,birthDate\nair_booking/*?from = BOS or to = BOS"}}""",
            """{@TX@, "dataPermissions": [{"group": "ucp-travel_demo-admin", "permission": "*/*"}, {"group": "ucp-travel_demo-admin-agents", "permission": "traveller/*,birthDate\nair_booking/*?from = BOS or to = BOS"}]}"""),
        ["DeleteDataPermission"] = new(null, """{@TX@, "dataPermissions": [{"group": "ucp-travel_demo-admin", "permission": "*/*"}]}"""),
        ["GetPortalConfig"] = new(null,
            """{@TX@, "portalConfig": {"hyperlinkMappings": [{"accpObject": "air_booking", "fieldName": "booking_id", "hyperlinkTemplate": "https://pss.example.com/bookings/{{booking_id}}"}]}}"""),
        ["SavePortalConfig"] = new("""{"portalConfig": {"hyperlinkMappings": [{"accpObject": "air_booking", "fieldName": "booking_id", "hyperlinkTemplate": "https://pss.example.com/bookings/{{booking_id}}"}]}}""",
            """{@TX@, "portalConfig": {"hyperlinkMappings": [{"accpObject": "air_booking", "fieldName": "booking_id", "hyperlinkTemplate": "https://pss.example.com/bookings/{{booking_id}}"}]}}"""),
        ["GetPromptConfig"] = new(null,
            """{@TX@, "domainSetting": {"promptConfig": {"value": "Summarise the traveller for a front-desk agent.", "isActive": true}, "matchConfig": {"value": 0.95, "isActive": true}}}"""),
        ["SavePromptConfig"] = new("""{"domainSetting": {"promptConfig": {"value": "Summarise the traveller for a front-desk agent.", "isActive": true}, "matchConfig": {"value": 0.95, "isActive": true}}}""",
            """{@TX@}"""),
        ["GetProfileSummary"] = new(null,
            """{@TX@, "profileSummary": "Ana Silva is traveller 7746832. Contact: email ana.silva@example.com. Air travel: 1 booking, 1 flight segment; latest: LIS to JFK on 2026-12-01 (flight TP201, confirmed). Profile created 2026-11-20, last updated 2026-11-20."}"""),
        ["DeleteError"] = new(null, """{@TX@}"""),
        ["DeleteAllErrors"] = new(null,
            """{@TX@, "asyncEvent": {"item_type": "5f0c3c1e-0000-4000-8000-000000000001", "item_id": "emptyTable", "status": "success", "lastUpdated": "2026-11-20T09:12:00Z", "progress": 1}}"""),
        ["RetryError"] = new(null,
            """{@TX@, "errorRetry": {"error_id": "error_3f9d2c41b7a0e5d8c6f1a2b3c4d5e6f7a8b9c0d1", "attempt": 1, "succeeded": true, "message": ""}}"""),
        ["ActivateRuleSet"] = new(null,
            """{@TX@, "asyncEvent": {"item_type": "5f0c3c1e-0000-4000-8000-000000000001", "item_id": "startBatchIdRes", "status": "running", "lastUpdated": "2026-11-20T09:12:00Z", "progress": 0.25}}"""),
    };

    /// <summary>The example of the route named <paramref name="endpointName"/>, or null.</summary>
    public static UcpExample? For(string endpointName) =>
        Examples.GetValueOrDefault(endpointName) is { } e ? new UcpExample(e.Request is null ? null : Fill(e.Request), Fill(e.Response)) : null;

    private static string Fill(string json) =>
        json.Replace("@TX@", Tx, StringComparison.Ordinal).Replace("@ID@", ConnectId, StringComparison.Ordinal).Replace("@OTHER@", OtherId, StringComparison.Ordinal);

    /// <summary>The names of the routes that have an example.</summary>
    public static IReadOnlyCollection<string> Names => Examples.Keys;
}
