import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import { importJWK, jwtVerify } from "jose";
import { freePort } from "../../scripts/lib/free-port.ts";

/**
 * A stand-in for Coinbase Business's hosted Checkouts API, faked at its HTTP boundary: it
 * checks each request's CDP JWT against the key pair it hands out, then answers like the
 * documented API (create checkout, refund).
 */
export async function startFakeCoinbase(): Promise<{ url: string; apiKey: string; stop(): Promise<void> }> {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const priv = privateKey.export({ format: "jwk" });
  const pub = publicKey.export({ format: "jwk" });
  const raw = Buffer.concat([Buffer.from(priv.d ?? "", "base64url"), Buffer.from(pub.x ?? "", "base64url")]);
  const keyName = `organizations/test/apiKeys/${randomBytes(4).toString("hex")}`;
  const apiKey = JSON.stringify({ id: keyName, privateKey: raw.toString("base64") });
  const verifyKey = await importJWK({ kty: "OKP", crv: "Ed25519", x: pub.x ?? "" }, "EdDSA");
  const port = await freePort();

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", async () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      try {
        const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        const { payload, protectedHeader } = await jwtVerify(token, verifyKey, { issuer: "cdp", subject: keyName });
        const path = (req.url ?? "").split("?")[0];
        if (protectedHeader.kid !== keyName || payload.uri !== `${req.method} 127.0.0.1:${port}${path}`) {
          return send(401, { errorMessage: "jwt uri mismatch" });
        }
        const input = JSON.parse(body) as Record<string, unknown>;
        if (req.method === "POST" && path === "/api/v1/checkouts") {
          const id = randomBytes(12).toString("hex");
          return send(201, {
            id,
            url: `https://payments.coinbase.example/payment-links/pl_${id}`,
            status: "ACTIVE",
            ...input,
          });
        }
        const refund = /^\/api\/v1\/checkouts\/([0-9a-f]+)\/refund$/.exec(path ?? "");
        if (req.method === "POST" && refund)
          return send(200, { id: `rf_${randomBytes(6).toString("hex")}`, status: "PENDING" });
        return send(404, { errorMessage: "not found" });
      } catch (error) {
        return send(401, { errorMessage: error instanceof Error ? error.message : "unauthorized" });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
