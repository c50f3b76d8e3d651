// Reads every record of every shard of a stream with the official AWS JS client and prints them as JSON.
// usage: node consume.mjs <endpoint> <stream>
import { KinesisClient, ListShardsCommand, GetShardIteratorCommand, GetRecordsCommand } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint, stream] = process.argv.slice(2);
const client = new KinesisClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDUPTTEST", secretAccessKey: "upt-test-secret" },
  requestHandler: new NodeHttpHandler(),
  maxAttempts: 5,
});

const out = [];
const { Shards } = await client.send(new ListShardsCommand({ StreamName: stream }));
for (const shard of Shards) {
  let { ShardIterator: it } = await client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }));
  while (it) {
    const res = await client.send(new GetRecordsCommand({ ShardIterator: it, Limit: 10000 }));
    for (const r of res.Records) {
      out.push({
        shardId: shard.ShardId,
        sequenceNumber: r.SequenceNumber,
        partitionKey: r.PartitionKey,
        dataBase64: Buffer.from(r.Data).toString("base64"),
        arrival: r.ApproximateArrivalTimestamp?.toISOString(),
      });
    }
    if (res.Records.length === 0 && (res.MillisBehindLatest ?? 0) === 0) break;
    it = res.NextShardIterator;
  }
}
process.stdout.write(JSON.stringify(out));
