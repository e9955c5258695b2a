import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { RoomServiceClient } from "livekit-server-sdk";
import { describe, expect, inject, it } from "vitest";
import type { StreamDto } from "../../contracts/streams.ts";
import { runScheduled } from "../../worker/scheduled.ts";
import { livekitWebhookEvents } from "../../worker/streams/streams.schema.ts";
import type { ApiErrorBody } from "./support/http.ts";
import {
  adminSession,
  createStream,
  creatorSession,
  fixtureDb,
  markStreamLive,
  postLivekitWebhook,
  viewerWithCredits,
} from "./support/live.ts";
import { Session } from "./support/session.ts";

const rooms = () =>
  new RoomServiceClient(inject("livekitHttpUrl"), inject("livekitApiKey"), inject("livekitApiSecret"));

describe("streams on LiveKit", () => {
  it("creates a SCHEDULED stream with its LiveKit room and WHIP ingest credentials", async () => {
    const creator = await creatorSession();
    const res = await creator.call<{ stream: StreamDto; ingest: Record<string, string> }>("/api/streams", {
      method: "POST",
      body: { title: "Speedrun night", category: "gaming", description: "Any%" },
    });
    expect(res.status).toBe(201);
    expect(res.body.stream).toMatchObject({
      title: "Speedrun night",
      status: "SCHEDULED",
      category: { slug: "gaming" },
      viewerCount: 0,
      ratePerMinute: "6.000",
    });
    const room = `stream_${res.body.stream.id}`;
    expect(res.body.ingest.roomName).toBe(room);
    expect(res.body.ingest.whipUrl).toBe(`${inject("livekitHttpUrl")}/whip/v1`);
    expect((await rooms().listRooms([room])).map((r) => r.name)).toEqual([room]);

    const token = await creator.call<{ token: string; roomName: string }>(`/api/streams/${res.body.stream.id}/token`, {
      method: "POST",
    });
    expect(token.status).toBe(200);
    expect(token.body.roomName).toBe(room);
  });

  it("lets only creators create, only owners edit, and refuses invalid transitions with 409", async () => {
    const { session: viewer } = await viewerWithCredits("notcreator", "1");
    const refused = await viewer.call<ApiErrorBody>("/api/streams", { method: "POST", body: { title: "Mine now" } });
    expect(refused.status).toBe(403);
    const creator = await creatorSession();
    const stream = await createStream(creator);
    const other = new Session();
    await other.login("creator2@tollgate.test");
    expect((await other.call(`/api/streams/${stream.id}`, { method: "PATCH", body: { title: "Hijack" } })).status).toBe(
      403,
    );
    const renamed = await creator.call<{ stream: StreamDto }>(`/api/streams/${stream.id}`, {
      method: "PATCH",
      body: { title: "Renamed", category: "music" },
    });
    expect(renamed.body.stream).toMatchObject({ title: "Renamed", category: { slug: "music" } });
    const ended = await creator.call<{ stream: StreamDto }>(`/api/streams/${stream.id}`, {
      method: "PATCH",
      body: { status: "ENDED" },
    });
    expect(ended.body.stream.status).toBe("ENDED");
    const again = await creator.call<ApiErrorBody>(`/api/streams/${stream.id}`, {
      method: "PATCH",
      body: { status: "ENDED" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INVALID_TRANSITION");
    const bad = await creator.call<ApiErrorBody>(`/api/streams/${stream.id}`, {
      method: "PATCH",
      body: { status: "LIVE" },
    });
    expect(bad.status).toBe(400);
  });

  it("lists live streams first, with cursor pagination and bad cursors refused", async () => {
    const creator = await creatorSession();
    const live = await createStream(creator, "List live");
    await markStreamLive(live.id);
    const page = await creator.call<{ streams: StreamDto[]; nextCursor: string | null }>(
      "/api/streams/list?status=all&limit=1",
    );
    expect(page.status).toBe(200);
    expect(page.body.streams).toHaveLength(1);
    expect(page.body.streams[0]?.status).toBe("LIVE");
    expect(page.body.nextCursor).toBeTruthy();
    const next = await creator.call<{ streams: StreamDto[] }>(
      `/api/streams/list?status=all&limit=50&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.streams.map((s) => s.id)).not.toContain(page.body.streams[0]?.id);
    const bad = await creator.call<ApiErrorBody>("/api/streams/list?cursor=bm90LWEtY3Vyc29y");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("INVALID_CURSOR");
    const liveOnly = await creator.call<{ streams: StreamDto[] }>("/api/streams/list?status=live&limit=50");
    expect(liveOnly.body.streams.every((s) => s.status === "LIVE")).toBe(true);
  });
});

describe("LiveKit webhooks", () => {
  const joined = (streamId: string, identity: string, id = `EV_${crypto.randomUUID()}`) => ({
    id,
    event: "participant_joined",
    createdAt: String(Math.floor(Date.now() / 1000)),
    room: { name: `stream_${streamId}`, sid: "RM_test" },
    participant: { identity, sid: "PA_test" },
  });

  it("refuses a forged or tampered delivery with 400 and records nothing", async () => {
    const stream = await createStream(await creatorSession());
    const body = joined(stream.id, `viewer:${crypto.randomUUID()}`);
    const forged = await postLivekitWebhook(body, "not-the-secret-not-the-secret-not-the-secret");
    expect(forged.status).toBe(400);
    const { db, close } = fixtureDb();
    try {
      expect(await db.select().from(livekitWebhookEvents).where(eq(livekitWebhookEvents.eventId, body.id))).toEqual([]);
    } finally {
      await close();
    }
  });

  it("handles an event once: a redelivery is a duplicate", async () => {
    const stream = await createStream(await creatorSession());
    const body = joined(stream.id, `viewer:${crypto.randomUUID()}`);
    const first = await postLivekitWebhook(body);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe("processed");
    const again = await postLivekitWebhook(body);
    expect(again.body.outcome).toBe("duplicate");
  });

  it("ignores events it does not handle and rooms that are not streams", async () => {
    const other = await postLivekitWebhook({ id: `EV_${crypto.randomUUID()}`, event: "egress_started" });
    expect(other.body.outcome).toBe("ignored");
    const foreign = await postLivekitWebhook({ ...joined(crypto.randomUUID(), "x"), room: { name: "lobby" } });
    expect(foreign.body.outcome).toBe("ignored");
  });

  it("derives the status from the room LiveKit reports, not from the order events arrive in", async () => {
    const stream = await createStream(await creatorSession());
    await markStreamLive(stream.id);
    // Out of order: an unpublish arrives, but the room has no publisher with tracks at all
    // (nobody is connected in this test), so the re-read pauses it — the event's order is not trusted,
    // the room is.
    const res = await postLivekitWebhook({
      id: `EV_${crypto.randomUUID()}`,
      event: "track_unpublished",
      room: { name: `stream_${stream.id}` },
      participant: { identity: `publisher:${stream.id}:web` },
    });
    expect(res.body.outcome).toBe("processed");
    const after = await (await creatorSession()).call<{ stream: StreamDto }>(`/api/streams/${stream.id}`);
    expect(after.body.stream.status).toBe("PAUSED");
    // A replayed track_published does not make it LIVE either: LiveKit shows no track.
    await postLivekitWebhook({
      id: `EV_${crypto.randomUUID()}`,
      event: "track_published",
      room: { name: `stream_${stream.id}` },
      participant: { identity: `publisher:${stream.id}:web` },
    });
    const still = await (await creatorSession()).call<{ stream: StreamDto }>(`/api/streams/${stream.id}`);
    expect(still.body.stream.status).toBe("PAUSED");
  });
});

describe("rooms LiveKit closes by itself", () => {
  it("keeps a SCHEDULED stream whose room closed before the creator joined, and ends a LIVE one", async () => {
    const creator = await creatorSession();
    const scheduled = await createStream(creator, "Not yet");
    const finished = (id: string) =>
      postLivekitWebhook({ id: `EV_${crypto.randomUUID()}`, event: "room_finished", room: { name: `stream_${id}` } });
    expect((await finished(scheduled.id)).status).toBe(200);
    await rooms().deleteRoom(`stream_${scheduled.id}`);
    await runScheduled(env);
    const kept = await creator.call<{ stream: StreamDto }>(`/api/streams/${scheduled.id}`);
    expect(kept.body.stream.status).toBe("SCHEDULED");
    const live = await createStream(creator, "Was live");
    await markStreamLive(live.id);
    await finished(live.id);
    const ended = await creator.call<{ stream: StreamDto }>(`/api/streams/${live.id}`);
    expect(ended.body.stream.status).toBe("ENDED");
  });
});

describe("reconciling with LiveKit (the Cron Trigger)", () => {
  it("ends a LIVE stream whose room LiveKit no longer has, with its viewing sessions", async () => {
    const creator = await creatorSession();
    const stream = await createStream(creator, "Lost room");
    await markStreamLive(stream.id);
    const { session: viewer } = await viewerWithCredits("reconcile", "5");
    const started = await viewer.call<{ sessionId: string }>(`/api/streams/${stream.id}/session`, { method: "POST" });
    expect(started.status).toBe(201);
    // The room vanished and its room_finished webhook was lost.
    await rooms().deleteRoom(`stream_${stream.id}`);
    await runScheduled(env);
    const after = await creator.call<{ stream: StreamDto }>(`/api/streams/${stream.id}`);
    expect(after.body.stream).toMatchObject({ status: "ENDED", viewerCount: 0 });
    const tick = await viewer.call<ApiErrorBody>("/api/meter", {
      method: "POST",
      body: { streamId: stream.id, sessionId: started.body.sessionId, intervalIndex: 0, playbackMs: 0 },
    });
    expect(tick.status).toBe(409);
  });
});

describe("bad input on the live-video endpoints", () => {
  it("answers 400 with the issues, never 500", async () => {
    const creator = await creatorSession();
    const noTitle = await creator.call<ApiErrorBody>("/api/streams", { method: "POST", body: { title: "" } });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.code).toBe("VALIDATION_FAILED");
    const badThumb = await creator.call<ApiErrorBody>("/api/streams", {
      method: "POST",
      body: { title: "Fine title", thumbnailUrl: "javascript:alert(1)" },
    });
    expect(badThumb.status).toBe(400);
    const unknownCategory = await creator.call<ApiErrorBody>("/api/streams", {
      method: "POST",
      body: { title: "Fine title", category: "no-such-category" },
    });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.error.code).toBe("CATEGORY_NOT_FOUND");
    expect((await creator.call<ApiErrorBody>("/api/streams/not-a-uuid")).status).toBe(400);
    const { session: viewer } = await viewerWithCredits("badinput", "1");
    const badSession = await viewer.call<ApiErrorBody>("/api/streams/not-a-uuid/session", { method: "POST" });
    expect(badSession.status).toBe(400);
    const admin = await adminSession();
    const badConfig = await admin.call<ApiErrorBody>("/api/admin/metering-config", {
      method: "PUT",
      body: { defaultRatePerMinute: "-6", minimumBalance: "abc", categoryRates: [] },
    });
    expect(badConfig.status).toBe(400);
    expect(badConfig.body.error.code).toBe("VALIDATION_FAILED");
    const badStats = await admin.call<ApiErrorBody>("/api/admin/metering-stats?startDate=yesterday");
    expect(badStats.status).toBe(400);
  });
});
