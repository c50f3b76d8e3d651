// A reverse proxy that checks AWS SigV4 header signatures with the official @smithy/signature-v4, then forwards to an S3
// server. It exists because s3rver only checks that the access key id is known: its V4 signature check is unimplemented.
// usage: node s3-sigv4-proxy.mjs <listenPort> <upstreamPort> <accessKeyId> <secretAccessKey>
// It checks what S3 checks: the signature (path re-encoded the way S3 canonicalizes it), that host and every x-amz-* header
// are signed, and that x-amz-content-sha256 matches the body (unless it is UNSIGNED-PAYLOAD).
// Rejections are S3 XML errors with an x-amz-request-id. Accepted requests go upstream unchanged (minus Expect).
import http from "node:http";
import crypto from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";

const [listenPort, upstreamPort, accessKeyId, secretAccessKey] = process.argv.slice(2);
if (!secretAccessKey) {
  console.error("usage: node s3-sigv4-proxy.mjs <listenPort> <upstreamPort> <accessKeyId> <secretAccessKey>");
  process.exit(2);
}

const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

// S3 canonicalizes the path by decoding each segment and encoding it once: no "." or "//" normalization.
const canonicalPath = (rawPath) => rawPath.split("/").map((segment) => rfc3986(decodeURIComponent(segment))).join("/");

function parseQuery(search) {
  const query = {};
  for (const part of search.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
    query[key] = key in query ? [].concat(query[key], value) : value;
  }
  return query;
}

function fail(res, status, code, message) {
  const requestId = crypto.randomBytes(8).toString("hex").toUpperCase();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(status, { "content-type": "application/xml", "x-amz-request-id": requestId, "content-length": Buffer.byteLength(xml) });
  res.end(xml);
}

async function verify(req, body) {
  const auth = req.headers["authorization"];
  if (!auth) return [403, "AccessDenied", "Anonymous requests are not accepted here."];
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return [400, "AuthorizationHeaderMalformed", "The authorization header is malformed."];
  const [, keyId, day, region, service, signedList, signature] = match;
  if (keyId !== accessKeyId) return [403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."];
  const amzDate = req.headers["x-amz-date"] ?? "";
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== day) return [403, "AccessDenied", "x-amz-date is missing or does not match the credential scope."];

  const signed = signedList.split(";");
  const unsigned = Object.keys(req.headers).filter((h) => (h === "host" || h.startsWith("x-amz-")) && !signed.includes(h));
  if (unsigned.length > 0) return [403, "AccessDenied", `There were headers present in the request which were not signed: ${unsigned.join(", ")}`];

  const contentSha = req.headers["x-amz-content-sha256"];
  if (!contentSha) return [400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256"];
  if (contentSha !== "UNSIGNED-PAYLOAD" && contentSha !== crypto.createHash("sha256").update(body).digest("hex")) {
    return [400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed."];
  }

  const headers = {};
  for (const name of signed) headers[name] = req.headers[name] ?? "";
  const q = req.url.indexOf("?");
  let path;
  try {
    path = canonicalPath(q < 0 ? req.url : req.url.slice(0, q));
  } catch {
    return [400, "InvalidURI", "Couldn't parse the specified URI."];
  }
  const signer = new SignatureV4({ service, region, sha256: Sha256, credentials: { accessKeyId, secretAccessKey }, uriEscapePath: false, applyChecksum: false });
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const expected = await signer.sign(
    { method: req.method, protocol: "http:", hostname: "ignored", path, query: q < 0 ? {} : parseQuery(req.url.slice(q + 1)), headers, body },
    { signingDate: date, signableHeaders: new Set(signed) },
  );
  if (!expected.headers["authorization"].endsWith(`Signature=${signature}`)) {
    return [403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method."];
  }
  return null;
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    let rejection;
    try {
      rejection = await verify(req, body);
    } catch (e) {
      rejection = [500, "InternalError", String(e).replace(/[<&>]/g, " ")];
    }
    if (rejection) return fail(res, ...rejection);

    const headers = { ...req.headers };
    delete headers["expect"];
    const upstream = http.request({ host: "127.0.0.1", port: Number(upstreamPort), method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on("error", (e) => fail(res, 502, "BadGateway", String(e).replace(/[<&>]/g, " ")));
    upstream.end(body);
  });
});
server.listen(Number(listenPort), "127.0.0.1", () => console.log(`listening ${listenPort}`));
