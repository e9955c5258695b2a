import { describe, expect, inject, it } from "vitest";
// Type-only: the ProvidedContext of the test tiers (livekitApiSecret…).
import type {} from "../setup/provided.d.ts";
import { call } from "./support/http.ts";

interface HealthBody {
  status: string;
  services: { database: string; livekit: string };
}

describe("health against the tier's own livekit-server", () => {
  it("reports LiveKit ok when its Room API answers our key", async () => {
    const res = await call<HealthBody>("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", services: { database: "ok", livekit: "ok" } });
  });

  it("reports LiveKit down, and the app degraded, when the server refuses the secret", async () => {
    const res = await call<HealthBody>("/api/health", {
      envOverrides: { LIVEKIT_API_SECRET: `wrong-${inject("livekitApiSecret")}` },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "degraded", services: { database: "ok", livekit: "down" } });
  });

  it("reports LiveKit down when nothing listens at LIVEKIT_WS_URL", async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    const res = await call<HealthBody>("/api/health", { envOverrides: { LIVEKIT_WS_URL: "ws://127.0.0.1:9" } });
    expect(res.body).toEqual({ status: "degraded", services: { database: "ok", livekit: "down" } });
  });

  it("reports LiveKit not_configured without LIVEKIT_*", async () => {
    const res = await call<HealthBody>("/api/health", { envOverrides: { LIVEKIT_WS_URL: "" } });
    expect(res.body).toEqual({ status: "ok", services: { database: "ok", livekit: "not_configured" } });
  });
});
