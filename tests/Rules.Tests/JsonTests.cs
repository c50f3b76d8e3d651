using System.Text.Json.Nodes;

namespace Upt.Rules.Tests;

/// <summary>Rule sets read and write UPT's JSON shape.</summary>
public sealed class JsonTests
{
    private const string UptJson = """
        {
          "name": "active",
          "rules": [
            {
              "index": 0,
              "name": "same booking",
              "description": "booking seen on the web",
              "conditions": [
                {
                  "index": 0, "conditionType": "skip", "incomingObjectType": "air_booking", "incomingObjectField": "booker_id",
                  "op": "not_equals", "incomingObjectType2": "air_booking", "incomingObjectField2": "traveller_id",
                  "existingObjectType": "", "existingObjectField": "",
                  "skipConditionValue": { "valueType": "", "stringValue": "", "intValue": 0 },
                  "filterConditionValue": { "valueType": "", "stringValue": "", "intValue": 0 },
                  "indexNormalization": { "lowercase": false, "trim": false, "removeSpaces": false, "removeNonNumeric": false, "removeNonAlphaNumeric": false, "removeLeadingZeros": false }
                },
                {
                  "index": 1, "conditionType": "match", "incomingObjectType": "air_booking", "incomingObjectField": "booking_id",
                  "op": "", "incomingObjectType2": "", "incomingObjectField2": "",
                  "existingObjectType": "clickstream", "existingObjectField": "booking_id",
                  "skipConditionValue": { "valueType": "", "stringValue": "", "intValue": 0 },
                  "filterConditionValue": { "valueType": "", "stringValue": "", "intValue": 0 },
                  "indexNormalization": { "lowercase": true, "trim": true, "removeSpaces": true, "removeNonNumeric": false, "removeNonAlphaNumeric": true, "removeLeadingZeros": true }
                },
                {
                  "index": 2, "conditionType": "filter", "incomingObjectType": "air_booking", "incomingObjectField": "timestamp",
                  "op": "within_seconds", "incomingObjectType2": "", "incomingObjectField2": "",
                  "existingObjectType": "clickstream", "existingObjectField": "timestamp",
                  "skipConditionValue": { "valueType": "", "stringValue": "", "intValue": 0 },
                  "filterConditionValue": { "valueType": "int", "stringValue": "", "intValue": 5 },
                  "indexNormalization": { "lowercase": false, "trim": false, "removeSpaces": false, "removeNonNumeric": false, "removeNonAlphaNumeric": false, "removeLeadingZeros": false }
                }
              ]
            }
          ],
          "latestVersion": 3,
          "lastActivationTimestamp": "2024-05-06T07:08:09+00:00"
        }
        """;

    [Fact]
    public void UPT_json_reads_into_the_model()
    {
        var set = RuleJson.DeserializeRuleSet(UptJson);

        Assert.Equal("active", set.Name);
        Assert.Equal(3, set.LatestVersion);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), set.LastActivationTimestamp);
        var rule = Assert.Single(set.Rules);
        Assert.Equal(("same booking", "booking seen on the web", 3), (rule.Name, rule.Description, rule.Conditions.Count));
        var skip = rule.Conditions[0];
        Assert.Equal((ConditionTypes.Skip, ConditionOps.NotEqualsField, "air_booking", "traveller_id"), (skip.ConditionType, skip.Op, skip.IncomingObjectType2, skip.IncomingObjectField2));
        var match = rule.Conditions[1];
        Assert.Equal(new IndexNormalization { Lowercase = true, Trim = true, RemoveSpaces = true, RemoveNonAlphaNumeric = true, RemoveLeadingZeros = true }, match.IndexNormalization);
        Assert.Equal(("clickstream", "booking_id"), (match.ExistingObjectType, match.ExistingObjectField));
        Assert.Equal(new RuleValue { ValueType = "int", IntValue = 5 }, rule.Conditions[2].FilterConditionValue);
        Assert.Empty(RuleSetValidator.Validate(set.Rules));
    }

    [Fact]
    public void Writing_gives_back_the_same_UPT_json()
    {
        var written = JsonNode.Parse(RuleJson.Serialize(RuleJson.DeserializeRuleSet(UptJson)));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(UptJson), written), written!.ToJsonString());
    }

    [Fact]
    public void Nulls_and_missing_fields_read_as_empty_and_missing_normalisation_stays_null()
    {
        var rules = RuleJson.DeserializeRules("""[{"index":0,"name":null,"conditions":[{"conditionType":"match","incomingObjectType":"_profile","incomingObjectField":"LastName","op":null,"skipConditionValue":null}]}]""");

        var c = Assert.Single(Assert.Single(rules).Conditions);
        Assert.Equal("", rules[0].Name);
        Assert.Equal("", c.Op);
        Assert.Equal(new RuleValue(), c.SkipConditionValue);
        Assert.Null(c.IndexNormalization);
    }
}
