import { describe, expect, it } from "vitest";
import { type ApiErrorBody, call } from "./support/http.ts";

describe("foundation API on workerd + Postgres", () => {
  it("reports health with the database and LiveKit ok", async () => {
    const res = await call<{ status: string; services: Record<string, string> }>("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", services: { database: "ok", livekit: "ok" } });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("lists the seeded categories from Postgres", async () => {
    const res = await call<{ categories: { slug: string; name: string }[] }>("/api/categories");
    expect(res.status).toBe(200);
    const slugs = res.body.categories.map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(["gaming", "music", "talk-shows", "education"]));
  });

  it("answers unknown API routes with the JSON 404 body", async () => {
    const res = await call<ApiErrorBody>("/api/nope/nothing", { method: "POST", body: {} });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
    expect(res.body.error.message).toContain("/api/nope/nothing");
  });

  it("echoes a caller's request id", async () => {
    const res = await call("/api/health", { headers: { "x-request-id": "req-123" } });
    expect(res.headers.get("x-request-id")).toBe("req-123");
  });
});

describe("when the database is down", () => {
  it("health answers 503 down and other routes a JSON 503, while the app keeps answering", async () => {
    const { env } = await import("cloudflare:test");
    const { createApp } = await import("../../worker/app.ts");
    const app = createApp();
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    const downEnv = { ...env, DATABASE_URL: "postgres://postgres@127.0.0.1:9/none" };
    const health = await app.request("/api/health", {}, downEnv);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "down", services: { database: "down", livekit: "ok" } });
    const cats = await app.request("/api/categories", {}, downEnv);
    expect(cats.status).toBe(503);
    expect(((await cats.json()) as { error: { code: string } }).error.code).toBe("SERVICE_UNAVAILABLE");
    const unknown = await app.request("/api/unknown", {}, downEnv);
    expect(unknown.status).toBe(404);
  });
});
