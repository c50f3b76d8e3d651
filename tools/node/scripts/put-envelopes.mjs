// Puts the records of a JSONL file into a stream with the official AWS JS client (PutRecords) and prints a JSON summary.
// usage: node put-envelopes.mjs <endpoint> <stream> <file.jsonl> [<positions.jsonl>]
// One line = {"partitionKey": "...", "data": ...}: a string `data` is base64 of the record's bytes, anything else
// (an object, an array, a number) is put as its JSON text. Lines are put in file order, in batches of at most 500
// records and 5 MiB; entries a batch reports as failed are put again (with backoff) until none is left or the
// attempts run out. With <positions.jsonl>, writes one line per input line, in input order: {"shardId", "sequenceNumber"}
// of the record as put (both null for a record that could not be put). Exit code 0 only when every record was put.
import { readFileSync, writeFileSync } from "node:fs";
import { KinesisClient, PutRecordsCommand } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const MaxRecords = 500;
const MaxBatchBytes = 5 * 1024 * 1024;
const MaxEntryAttempts = 10;

const [endpoint, stream, file, positionsFile] = process.argv.slice(2);
if (!endpoint || !stream || !file) {
  process.stderr.write("usage: node put-envelopes.mjs <endpoint> <stream> <file.jsonl>\n");
  process.exit(2);
}

const client = new KinesisClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDUPTTEST", secretAccessKey: "upt-test-secret" },
  // kinesalite speaks plain HTTP/1.1 only.
  requestHandler: new NodeHttpHandler(),
  maxAttempts: 5,
});

function parseLine(line, number) {
  const entry = JSON.parse(line);
  if (typeof entry.partitionKey !== "string" || entry.partitionKey.length === 0) {
    throw new Error(`line ${number}: partitionKey must be a non-empty string`);
  }
  if (entry.data === undefined) throw new Error(`line ${number}: data is missing`);
  const data = typeof entry.data === "string" ? Buffer.from(entry.data, "base64") : Buffer.from(JSON.stringify(entry.data), "utf8");
  return { PartitionKey: entry.partitionKey, Data: data };
}

const entries = readFileSync(file, "utf8")
  .split("\n")
  .map((line, i) => [line, i + 1])
  .filter(([line]) => line.trim().length > 0)
  .map(([line, number], index) => ({ ...parseLine(line, number), index }));
const positions = entries.map(() => ({ shardId: null, sequenceNumber: null }));

const summary = { records: entries.length, bytes: 0, requests: 0, retriedEntries: 0, failedEntries: 0, errorCodes: {}, shards: {}, elapsedMs: 0 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();

// Puts one batch; the entries the service rejects are put again on their own until all are in.
async function putBatch(batch) {
  let pending = batch;
  for (let attempt = 1; pending.length > 0; attempt++) {
    summary.requests++;
    const records = pending.map((e) => ({ PartitionKey: e.PartitionKey, Data: e.Data }));
    const res = await client.send(new PutRecordsCommand({ StreamName: stream, Records: records }));
    const failed = [];
    res.Records.forEach((result, k) => {
      if (result.ErrorCode) {
        summary.errorCodes[result.ErrorCode] = (summary.errorCodes[result.ErrorCode] ?? 0) + 1;
        failed.push(pending[k]);
      } else {
        summary.shards[result.ShardId] = (summary.shards[result.ShardId] ?? 0) + 1;
        summary.bytes += pending[k].Data.length;
        positions[pending[k].index] = { shardId: result.ShardId, sequenceNumber: result.SequenceNumber };
      }
    });
    if (failed.length === 0) return;
    if (attempt >= MaxEntryAttempts) {
      summary.failedEntries += failed.length;
      return;
    }
    summary.retriedEntries += failed.length;
    pending = failed;
    await sleep(Math.min(2000, 50 * 2 ** attempt));
  }
}

let batch = [];
let batchBytes = 0;
for (const entry of entries) {
  const size = entry.Data.length + Buffer.byteLength(entry.PartitionKey, "utf8");
  if (batch.length === MaxRecords || (batch.length > 0 && batchBytes + size > MaxBatchBytes)) {
    await putBatch(batch);
    batch = [];
    batchBytes = 0;
  }
  batch.push(entry);
  batchBytes += size;
}
if (batch.length > 0) await putBatch(batch);

summary.elapsedMs = Date.now() - started;
if (positionsFile) writeFileSync(positionsFile, positions.map((p) => JSON.stringify(p)).join("\n") + "\n");
process.stdout.write(JSON.stringify(summary) + "\n");
process.exit(summary.failedEntries === 0 ? 0 : 1);
