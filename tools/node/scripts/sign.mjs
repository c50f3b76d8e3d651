// Signs requests with the official @smithy/signature-v4 and prints the resulting headers.
// stdin: JSON array of { method, url, headers?, body? (utf8), bodyBase64?, service, region,
//   accessKeyId, secretAccessKey, sessionToken?, date (ISO-8601), uriEscapePath?, applyChecksum? }
// stdout: JSON array of { headerName (lower case): value } holding every header after signing.
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf8"));

function parseQuery(search) {
  const query = {};
  if (!search || search === "?") return query;
  for (const part of search.slice(1).split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
    if (key in query) {
      query[key] = Array.isArray(query[key]) ? [...query[key], value] : [query[key], value];
    } else {
      query[key] = value;
    }
  }
  return query;
}

const out = [];
for (const r of requests) {
  const url = new URL(r.url);
  const headers = { ...(r.headers ?? {}) };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === "host")) headers.host = url.host;
  const body = r.bodyBase64 != null ? Buffer.from(r.bodyBase64, "base64") : r.body != null ? Buffer.from(r.body, "utf8") : undefined;
  const signer = new SignatureV4({
    service: r.service,
    region: r.region,
    sha256: Sha256,
    credentials: { accessKeyId: r.accessKeyId, secretAccessKey: r.secretAccessKey, sessionToken: r.sessionToken ?? undefined },
    uriEscapePath: r.uriEscapePath ?? true,
    applyChecksum: r.applyChecksum ?? true,
  });
  const signed = await signer.sign(
    { method: r.method, protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname, query: parseQuery(url.search), headers, body },
    { signingDate: new Date(r.date) },
  );
  const result = {};
  for (const [k, v] of Object.entries(signed.headers)) result[k.toLowerCase()] = v;
  out.push(result);
}
process.stdout.write(JSON.stringify(out));
