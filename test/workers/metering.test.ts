import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { MeterResultDto, MeterServerMessage, ViewingSessionDto } from "../../contracts/metering.ts";
import { viewingSessions } from "../../worker/metering/metering.schema.ts";
import { auditLogs } from "../../worker/platform/audit/audit.schema.ts";
import type { SessionState } from "../../worker/metering/session-runtime.ts";
import type { ApiErrorBody } from "./support/http.ts";
import {
  adminSession,
  createStream,
  creatorSession,
  fixtureDb,
  markStreamLive,
  meterIntervalMs,
  sleep,
  viewerWithCredits,
} from "./support/live.ts";
import type { Session } from "./support/session.ts";

interface Balance {
  balance: string;
}

async function liveStream(): Promise<string> {
  const stream = await createStream(await creatorSession());
  await markStreamLive(stream.id);
  return stream.id;
}

async function start(viewer: Session, streamId: string) {
  return viewer.call<ViewingSessionDto & ApiErrorBody>(`/api/streams/${streamId}/session`, { method: "POST" });
}

function tick(viewer: Session, s: { streamId: string; sessionId: string }, intervalIndex: number, playbackMs: number) {
  return viewer.call<MeterResultDto & ApiErrorBody>("/api/meter", {
    method: "POST",
    body: { streamId: s.streamId, sessionId: s.sessionId, intervalIndex, playbackMs },
  });
}

async function sessionRow(sessionId: string) {
  const { db, close } = fixtureDb();
  try {
    const [row] = await db.select().from(viewingSessions).where(eq(viewingSessions.id, sessionId));
    return row;
  } finally {
    await close();
  }
}

describe("metered watching through the ViewerSession object", () => {
  it("refuses a stream that is not live, and a viewer who cannot pay one interval (402 with the amount)", async () => {
    const stream = await createStream(await creatorSession());
    const { session: viewer } = await viewerWithCredits("notlive", "5");
    const notLive = await start(viewer, stream.id);
    expect(notLive.status).toBe(409);
    expect(notLive.body.error.code).toBe("STREAM_NOT_LIVE");

    await markStreamLive(stream.id);
    const { session: broke } = await viewerWithCredits("broke", "0.001");
    const res = await start(broke, stream.id);
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe("INSUFFICIENT_CREDITS");
    // 6 credits a minute over one interval of the tier's METER_INTERVAL_MS.
    const needed = (6 * meterIntervalMs()) / 60_000;
    expect(Number((res.body.error.details as { needed: string }).needed)).toBeCloseTo(needed, 3);
  });

  it("books each interval once, answers replays, gaps and early ticks, and runs a viewer dry", async () => {
    const streamId = await liveStream();
    const interval = meterIntervalMs();
    const price = (6 * interval) / 60_000; // credits per interval
    const { session: viewer } = await viewerWithCredits("meter", (price * 2.5).toFixed(3));
    const started = await start(viewer, streamId);
    expect(started.status).toBe(201);
    const s = started.body;
    expect(s.intervalMs).toBe(interval);
    expect(s.meteringRate).toBe("6.000");
    expect(s.identity).toBe(`viewer:${s.sessionId}`);
    expect(s.token.split(".")).toHaveLength(3);

    const early = await tick(viewer, s, 0, interval);
    expect(early.status).toBe(429);
    expect(early.body.error.code).toBe("TICK_TOO_EARLY");
    expect(early.headers.get("retry-after")).toBeTruthy();

    await sleep(interval);
    const first = await tick(viewer, s, 0, interval);
    expect(first.status).toBe(200);
    expect(Number(first.body.debited)).toBeCloseTo(price, 3);
    expect(Number(first.body.remainingCredits)).toBeCloseTo(price * 1.5, 3);

    const replay = await tick(viewer, s, 0, interval);
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe("INTERVAL_ALREADY_BOOKED");
    expect(replay.body.error.details).toEqual(first.body);

    const gap = await tick(viewer, s, 2, interval);
    expect(gap.status).toBe(400);
    expect(gap.body.error.code).toBe("INTERVAL_GAP");

    await sleep(interval);
    expect((await tick(viewer, s, 1, interval)).status).toBe(200);
    await sleep(interval);
    const dry = await tick(viewer, s, 2, interval);
    expect(dry.status).toBe(402);
    expect(dry.body.error.code).toBe("INSUFFICIENT_CREDITS");
    expect((await sessionRow(s.sessionId))?.status).toBe("EXHAUSTED");
    // Exhausted stays exhausted; the viewer's wallet kept what the third interval would have cost.
    expect((await tick(viewer, s, 2, interval)).status).toBe(402);
    const balance = await viewer.call<Balance>("/api/wallet/balance");
    expect(Number(balance.body.balance)).toBeCloseTo(price * 0.5, 3);
  });

  it("refuses another user's ticks on a session", async () => {
    const streamId = await liveStream();
    const { session: owner } = await viewerWithCredits("owner", "10");
    const { session: other } = await viewerWithCredits("other", "10");
    const s = (await start(owner, streamId)).body;
    await sleep(meterIntervalMs());
    const res = await tick(other, s, 0, meterIntervalMs());
    expect(res.status).toBe(403);
  });

  it("ends a session whose ticks stopped when its alarm fires (the DO shell)", async () => {
    const streamId = await liveStream();
    const { session: viewer } = await viewerWithCredits("silent", "10");
    const s = (await start(viewer, streamId)).body;
    const stub = env.VIEWER_SESSION.get(env.VIEWER_SESSION.idFromName(s.sessionId));
    const before = await runInDurableObject(stub, async (_instance, state) => state.storage.get<SessionState>("state"));
    expect(before?.status).toBe("ACTIVE");
    expect(before?.identity).toBe(s.identity);
    // Nothing happens before two intervals of silence…
    await runDurableObjectAlarm(stub);
    expect((await sessionRow(s.sessionId))?.status).toBe("ACTIVE");
    await sleep(2 * meterIntervalMs() + 50);
    // …then the alarm (at least once: run it twice) ends it and the row says why.
    await runDurableObjectAlarm(stub);
    await runDurableObjectAlarm(stub);
    const row = await sessionRow(s.sessionId);
    expect(row?.status).toBe("ENDED");
    expect(row?.endReason).toBe("ticks_stopped");
    const late = await tick(viewer, s, 0, meterIntervalMs());
    expect(late.status).toBe(409);
    expect(late.body.error.details).toEqual({ reason: "ticks_stopped" });
  });

  it("ends every viewing when the creator ends the stream, and no tick books after", async () => {
    const creator = await creatorSession();
    const stream = await createStream(creator);
    await markStreamLive(stream.id);
    const { session: viewer } = await viewerWithCredits("ender", "10");
    const s = (await start(viewer, stream.id)).body;
    const viewing = await viewer.call<{ stream: { viewerCount: number } }>(`/api/streams/${stream.id}`);
    expect(viewing.body.stream.viewerCount).toBe(1);
    expect((await creator.call(`/api/streams/${stream.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await sessionRow(s.sessionId))?.endReason).toBe("stream_ended");
    await sleep(meterIntervalMs());
    const res = await tick(viewer, s, 0, meterIntervalMs());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("SESSION_NOT_ACTIVE");
    const after = await viewer.call<{ stream: { status: string; viewerCount: number } }>(`/api/streams/${stream.id}`);
    expect(after.body.stream).toMatchObject({ status: "ENDED", viewerCount: 0 });
  });

  it("validates the tick body", async () => {
    const { session: viewer } = await viewerWithCredits("badtick", "1");
    const res = await viewer.call<ApiErrorBody>("/api/meter", {
      method: "POST",
      body: { streamId: "nope", sessionId: crypto.randomUUID(), intervalIndex: -1, playbackMs: 1.5 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("metering over the session's WebSocket", () => {
  it("answers each tick frame like POST /api/meter, refuses bad frames, and says why the session ended", async () => {
    const streamId = await liveStream();
    const interval = meterIntervalMs();
    const price = (6 * interval) / 60_000;
    const { session: viewer } = await viewerWithCredits("socket", (price * 1.5).toFixed(3));
    const s = (await start(viewer, streamId)).body;
    const res = await SELF.fetch(`http://127.0.0.1:8787${s.meterSocketPath}`, {
      headers: { upgrade: "websocket", cookie: viewer.cookieHeader() ?? "", origin: "http://127.0.0.1:8787" },
    });
    expect(res.status).toBe(101);
    const ws = res.webSocket;
    if (!ws) throw new Error("no WebSocket");
    ws.accept();
    const frames: MeterServerMessage[] = [];
    const next = () =>
      new Promise<MeterServerMessage>((resolve) => {
        const check = () => {
          const frame = frames.shift();
          if (frame) resolve(frame);
          else setTimeout(check, 20);
        };
        check();
      });
    ws.addEventListener("message", (e) => frames.push(JSON.parse(String(e.data)) as MeterServerMessage));

    ws.send("not json");
    expect(await next()).toMatchObject({ type: "error", code: "VALIDATION_FAILED" });
    await sleep(interval);
    ws.send(JSON.stringify({ type: "tick", intervalIndex: 0, playbackMs: interval }));
    const booked = await next();
    expect(booked).toMatchObject({ type: "tick_result", intervalIndex: 0, status: 200 });
    await sleep(interval);
    ws.send(JSON.stringify({ type: "tick", intervalIndex: 1, playbackMs: interval }));
    expect(await next()).toMatchObject({ type: "tick_result", status: 402, error: { code: "INSUFFICIENT_CREDITS" } });
    expect(await next()).toEqual({ type: "ended", reason: "exhausted" });
  });

  it("refuses a socket for another user's session and a cross-site origin", async () => {
    const streamId = await liveStream();
    const { session: owner } = await viewerWithCredits("sockowner", "5");
    const { session: other } = await viewerWithCredits("sockother", "5");
    const s = (await start(owner, streamId)).body;
    const stolen = await SELF.fetch(`http://127.0.0.1:8787${s.meterSocketPath}`, {
      headers: { upgrade: "websocket", cookie: other.cookieHeader() ?? "", origin: "http://127.0.0.1:8787" },
    });
    expect(stolen.status, await stolen.text()).toBe(404);
    const crossSite = await SELF.fetch(`http://127.0.0.1:8787${s.meterSocketPath}`, {
      headers: { upgrade: "websocket", cookie: owner.cookieHeader() ?? "", origin: "https://evil.example" },
    });
    expect(crossSite.status, await crossSite.text()).toBe(403);
  });
});

describe("metering administration", () => {
  it("lets an admin set rates that new sessions use, and reports what metering booked", async () => {
    const admin = await adminSession();
    const before = await admin.call<{ defaultRatePerMinute: string }>("/api/admin/metering-config");
    expect(before.status).toBe(200);
    const put = await admin.call("/api/admin/metering-config", {
      method: "PUT",
      body: {
        defaultRatePerMinute: "6",
        minimumBalance: "0",
        categoryRates: [{ category: "music", ratePerMinute: "12" }],
      },
    });
    expect(put.status).toBe(200);
    const { db, close } = fixtureDb();
    try {
      const audits = await db.select().from(auditLogs).where(eq(auditLogs.action, "metering.config_updated"));
      expect(audits.length).toBeGreaterThan(0);
    } finally {
      await close();
    }
    const creator = await creatorSession();
    const music = await creator.call<{ stream: { id: string; ratePerMinute: string } }>("/api/streams", {
      method: "POST",
      body: { title: "Premium music", category: "music" },
    });
    expect(music.body.stream.ratePerMinute).toBe("12.000");
    await markStreamLive(music.body.stream.id);
    const { session: viewer } = await viewerWithCredits("musicfan", "10");
    const s = (await start(viewer, music.body.stream.id)).body;
    expect(s.meteringRate).toBe("12.000");
    await sleep(meterIntervalMs());
    expect((await tick(viewer, s, 0, meterIntervalMs())).status).toBe(200);
    const stats = await admin.call<{ totalDebited: string; uniqueViewers: number; sessions: number }>(
      `/api/admin/metering-stats?streamId=${music.body.stream.id}`,
    );
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ uniqueViewers: 1, sessions: 1 });
    expect(Number(stats.body.totalDebited)).toBeCloseTo((12 * meterIntervalMs()) / 60_000, 3);
    // Viewers may not read or change metering settings.
    expect((await viewer.call("/api/admin/metering-config")).status).toBe(403);
    const reset = await admin.call("/api/admin/metering-config", {
      method: "PUT",
      body: { defaultRatePerMinute: "6", minimumBalance: "0", categoryRates: [] },
    });
    expect(reset.status).toBe(200);
  });
});
