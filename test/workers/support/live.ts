import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { AccessToken } from "livekit-server-sdk";
import { expect, inject } from "vitest";
import type {} from "../../setup/provided.d.ts";
import type { ViewingSessionDto } from "../../../contracts/metering.ts";
import { createDb } from "../../../worker/platform/db/client.ts";
import { streams } from "../../../worker/streams/streams.schema.ts";
import { call } from "./http.ts";
import { Session, signUpVerified } from "./session.ts";

const bindings = env as unknown as { DATABASE_URL: string; NEON_WS_PROXY: string };

/** A direct database handle for fixtures the API has no door for (a stream LiveKit made live). */
export function fixtureDb() {
  return createDb({ url: bindings.DATABASE_URL, wsProxy: bindings.NEON_WS_PROXY, max: 2 });
}

/** What LiveKit's webhook would have done when the creator's track went up. */
export async function markStreamLive(streamId: string): Promise<void> {
  const { db, close } = fixtureDb();
  try {
    await db.update(streams).set({ status: "LIVE", startedAt: new Date() }).where(eq(streams.id, streamId));
  } finally {
    await close();
  }
}

export async function creatorSession(): Promise<Session> {
  const creator = new Session();
  const res = await creator.login("creator1@tollgate.test");
  if (res.status !== 200) throw new Error(`creator login ${res.status}`);
  return creator;
}

export async function createStream(creator: Session, title = "Test stream"): Promise<{ id: string }> {
  const res = await creator.call<{ stream: { id: string } }>("/api/streams", {
    method: "POST",
    body: { title, category: "gaming" },
  });
  if (res.status !== 201) throw new Error(`create stream ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.stream;
}

/** A fresh verified viewer holding exactly `credits` (booked by the admin as an adjustment). */
export async function viewerWithCredits(tag: string, credits: string): Promise<{ session: Session; userId: string }> {
  const { session, userId } = await signUpVerified(tag);
  const admin = await adminSession();
  const adj = await admin.call(`/api/admin/users/${userId}`, {
    method: "PATCH",
    body: { walletAdjustment: { amount: credits, reason: "test credits" } },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
  if (adj.status !== 200) throw new Error(`adjust ${adj.status} ${JSON.stringify(adj.body)}`);
  return { session, userId };
}

let admin: Promise<Session> | undefined;
/** One admin sign-in per test file: the login rate limit counts per account. */
export function adminSession(): Promise<Session> {
  admin ??= (async () => {
    const s = new Session();
    const res = await s.login("admin@tollgate.test");
    if (res.status !== 200) throw new Error(`admin login ${res.status}`);
    return s;
  })();
  return admin;
}

export const meterIntervalMs = () => inject("meterIntervalMs");

/** A webhook signed as livekit-server signs it: a bare JWT whose sha256 claim covers the body. */
export async function signedLivekitWebhook(body: object, secret = inject("livekitApiSecret")) {
  const raw = JSON.stringify(body);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(raw)));
  const at = new AccessToken(inject("livekitApiKey"), secret);
  at.sha256 = btoa(String.fromCharCode(...digest));
  return { raw, authorization: await at.toJwt() };
}

export async function postLivekitWebhook(body: object, secret?: string) {
  const { raw, authorization } = await signedLivekitWebhook(body, secret);
  return call<{ event: string; outcome: string }>("/api/webhooks/livekit", {
    method: "POST",
    rawBody: raw,
    headers: { authorization, "content-type": "application/webhook+json" },
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` on a short-lived fixture connection and closes it. */
export async function withFixtureDb<T>(fn: (db: ReturnType<typeof fixtureDb>["db"]) => Promise<T>): Promise<T> {
  const { db, close } = fixtureDb();
  try {
    return await fn(db);
  } finally {
    await close();
  }
}

/** A brand-new creator (promoted by the admin), so the streams and totals a test makes are its own. */
export async function freshCreator(tag: string): Promise<{ session: Session; userId: string }> {
  const { session, email, userId } = await signUpVerified(tag);
  const admin = await adminSession();
  const promote = await admin.call(`/api/admin/users/${userId}`, { method: "PATCH", body: { role: "CREATOR" } });
  if (promote.status !== 200) throw new Error(`promote ${promote.status} ${JSON.stringify(promote.body)}`);
  // A role change ends the user's sessions: sign in again to carry the new role.
  const login = await session.login(email, "a-strong-passphrase-42");
  if (login.status !== 200) throw new Error(`re-login ${login.status}`);
  return { session, userId };
}

/** Starts a paid viewing and books `intervals` full intervals through POST /api/meter. */
export async function watchIntervals(viewer: Session, streamId: string, intervals: number): Promise<ViewingSessionDto> {
  const started = await viewer.call<ViewingSessionDto>(`/api/streams/${streamId}/session`, { method: "POST" });
  expect(started.status).toBe(201);
  const s = started.body;
  for (let i = 0; i < intervals; i++) {
    await sleep(meterIntervalMs());
    const tick = await viewer.call("/api/meter", {
      method: "POST",
      body: { streamId, sessionId: s.sessionId, intervalIndex: i, playbackMs: meterIntervalMs() },
    });
    expect(tick.status).toBe(200);
  }
  return s;
}
