// A local OpenID Connect issuer for development and tests: oauth2-mock-server (discovery, JWKS, RS256 tokens) on
// 127.0.0.1, with token requests able to shape the claims the Upt API reads. It signs a token for anyone who asks,
// which is why the API trusts it only when told to explicitly (Auth:Development:Enabled) and only on loopback.
// usage: node oidc-dev-issuer.mjs <port>
//
// POST /token (form) with grant_type=client_credentials and, all optional:
//   groups        group names, comma or space separated -> "cognito:groups": [...]
//   groups_format "string" puts the groups in one string holding a JSON array (some issuers do)
//   aud           audience (default "upt-dev"); with client_id and no aud, the token has no aud (Cognito access token)
//   client_id     -> "client_id" claim
//   sub           subject (default "dev-user")
//   expires_in    lifetime in seconds, may be negative (an expired token)
//   iss           overrides the issuer claim (a token the API must refuse)
import { OAuth2Server } from "oauth2-mock-server";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node oidc-dev-issuer.mjs <port>");
  process.exit(2);
}

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");

server.service.on("beforeTokenSigning", (token, req) => {
  const body = req.body ?? {};
  const p = token.payload;
  p.sub = typeof body.sub === "string" && body.sub !== "" ? body.sub : "dev-user";
  if (typeof body.groups === "string") {
    const groups = body.groups.split(/[\s,]+/).filter((g) => g !== "");
    p["cognito:groups"] = body.groups_format === "string" ? JSON.stringify(groups) : groups;
  }
  if (typeof body.client_id === "string" && body.client_id !== "") {
    p.client_id = body.client_id;
  }
  if (body.aud === undefined) {
    if (p.client_id === undefined) p.aud = "upt-dev";
    else delete p.aud;
  }
  if (typeof body.expires_in === "string" && body.expires_in !== "") {
    p.exp = p.iat + Number(body.expires_in);
    p.nbf = Math.min(p.nbf, p.exp - 60);
  }
  if (typeof body.iss === "string" && body.iss !== "") {
    p.iss = body.iss;
  }
});

await server.start(port, "127.0.0.1");
// The URL clients use (not "localhost", which may resolve to ::1 where nothing listens).
server.issuer.url = `http://127.0.0.1:${port}`;
console.log(`oidc-dev-issuer: ${server.issuer.url}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
