// Puts N records into a stream with the official AWS JS client and prints what it put as JSON.
// usage: node produce.mjs <endpoint> <stream> <count>
import { KinesisClient, PutRecordCommand, PutRecordsCommand } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint, stream, countArg] = process.argv.slice(2);
const count = Number(countArg);
const client = new KinesisClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDUPTTEST", secretAccessKey: "upt-test-secret" },
  requestHandler: new NodeHttpHandler(),
  maxAttempts: 5,
});

function record(i) {
  const text = Buffer.from(`js-record-${i}-ünïcødé-€-😀`, "utf8");
  const data = Buffer.concat([text, Buffer.from([0, 255, i % 256, 0x80, 0x7f])]);
  return { Data: data, PartitionKey: `pk-${i % 7}-ключ-${i}` };
}

const put = [];
// The first record goes through PutRecord, the rest through PutRecords (batches of up to 500).
if (count > 0) {
  const r = record(0);
  const res = await client.send(new PutRecordCommand({ StreamName: stream, ...r }));
  put.push({ shardId: res.ShardId, sequenceNumber: res.SequenceNumber, partitionKey: r.PartitionKey, dataBase64: r.Data.toString("base64") });
}
for (let start = 1; start < count; start += 500) {
  const batch = [];
  for (let i = start; i < Math.min(count, start + 500); i++) batch.push(record(i));
  const res = await client.send(new PutRecordsCommand({ StreamName: stream, Records: batch }));
  if (res.FailedRecordCount) throw new Error(`PutRecords failed for ${res.FailedRecordCount} records`);
  res.Records.forEach((e, k) => put.push({ shardId: e.ShardId, sequenceNumber: e.SequenceNumber, partitionKey: batch[k].PartitionKey, dataBase64: Buffer.from(batch[k].Data).toString("base64") }));
}
process.stdout.write(JSON.stringify(put));
