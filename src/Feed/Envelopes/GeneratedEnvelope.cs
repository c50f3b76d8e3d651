namespace Upt.Feed.Envelopes;

/// <summary>One UPT input envelope ready to put on the entry stream.</summary>
/// <param name="ObjectType">Business object type (envelope <c>objectType</c>).</param>
/// <param name="PartitionKey">Kinesis partition key: the main traveller's id, so one traveller's objects stay ordered.</param>
/// <param name="EnvelopeJson">UTF-8 JSON of the envelope.</param>
public sealed record GeneratedEnvelope(string ObjectType, string PartitionKey, byte[] EnvelopeJson);
