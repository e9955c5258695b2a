import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { RoomServiceClient } from "livekit-server-sdk";
import { describe, expect, inject, it } from "vitest";
import type {
  AdminStreamDetail,
  AdminStreamPage,
  StreamAnalytics,
  TakedownResult,
} from "../../contracts/admin-streams.ts";
import type { RevenueReport } from "../../contracts/admin-payments.ts";
import type { MeterResultDto, ViewingSessionDto } from "../../contracts/metering.ts";
import { formatCents, formatCredits, parseCredits } from "../../contracts/money.ts";
import type { StreamDto } from "../../contracts/streams.ts";
import { viewingSessions } from "../../worker/metering/metering.schema.ts";
import { moderationActions } from "../../worker/moderation/moderation.schema.ts";
import { notifications } from "../../worker/notifications/notifications.schema.ts";
import { payments } from "../../worker/payments/payments.schema.ts";
import { auditLogs } from "../../worker/platform/audit/audit.schema.ts";
import { streams } from "../../worker/streams/streams.schema.ts";
import { openSessionEscrow } from "../../worker/wallet/index.ts";
import { ledgerEntries, meterEvents } from "../../worker/wallet/wallet.schema.ts";
import type { ApiErrorBody } from "./support/http.ts";
import { call } from "./support/http.ts";
import {
  adminSession,
  createStream,
  freshCreator,
  markStreamLive,
  meterIntervalMs,
  postLivekitWebhook,
  sleep,
  viewerWithCredits,
  watchIntervals,
  withFixtureDb,
} from "./support/live.ts";
import { DEMO_PASSWORD, Session, signUpVerified } from "./support/session.ts";

const rooms = () =>
  new RoomServiceClient(inject("livekitHttpUrl"), inject("livekitApiKey"), inject("livekitApiSecret"));

const balanceOf = async (viewer: Session) =>
  parseCredits((await viewer.call<{ balance: string }>("/api/wallet/balance")).body.balance);

const ledgerCountOf = (userId: string) =>
  withFixtureDb(async (db) => (await db.select().from(ledgerEntries).where(eq(ledgerEntries.userId, userId))).length);

function tick(viewer: Session, s: ViewingSessionDto, intervalIndex: number) {
  return viewer.call<MeterResultDto & ApiErrorBody>("/api/meter", {
    method: "POST",
    body: { streamId: s.streamId, sessionId: s.sessionId, intervalIndex, playbackMs: meterIntervalMs() },
  });
}

function takedown(actor: Session, streamId: string, reason = "Breaks the rules") {
  return actor.call<TakedownResult & ApiErrorBody>(`/api/admin/streams/${streamId}/takedown`, {
    method: "POST",
    body: { reason },
  });
}

let moderator: Promise<Session> | undefined;
function moderatorSession(): Promise<Session> {
  moderator ??= (async () => {
    const s = new Session();
    const res = await s.login("moderator@tollgate.test", DEMO_PASSWORD);
    if (res.status !== 200) throw new Error(`moderator login ${res.status}`);
    return s;
  })();
  return moderator;
}

async function liveStreamWithViewer(tag: string) {
  const creator = await freshCreator(`${tag}-creator`);
  const stream = await createStream(creator.session, `Takedown ${tag}`);
  await markStreamLive(stream.id);
  const viewer = await viewerWithCredits(`${tag}-viewer`, "20");
  const session = await watchIntervals(viewer.session, stream.id, 1);
  return { creator, stream, viewer, session };
}

describe("POST /api/admin/streams/:id/takedown", () => {
  it("removes the stream at once: room gone, viewing ended, no debit after, one action and audit row, the creator told; idempotent", async () => {
    const { creator, stream, viewer, session } = await liveStreamWithViewer("td");
    const room = `stream_${stream.id}`;
    expect((await rooms().listRooms([room])).map((r) => r.name)).toEqual([room]);
    const admin = await adminSession();

    const res = await takedown(admin, stream.id, "Copyright strike");
    expect(res.status).toBe(200);
    expect(res.body.alreadyRemoved).toBe(false);
    expect(res.body.stream.status).toBe("REMOVED");
    const publicView = await call<{ stream: StreamDto }>(`/api/streams/${stream.id}`);
    expect(publicView.body.stream.status).toBe("REMOVED");
    expect(await rooms().listRooms([room])).toEqual([]);

    const row = await withFixtureDb(async (db) =>
      db.select().from(viewingSessions).where(eq(viewingSessions.id, session.sessionId)),
    );
    expect(row[0]?.status).toBe("ENDED");
    expect(row[0]?.endReason).toBe("stream_removed");

    // The viewer's page ticks once more after the takedown: nothing is booked.
    const balanceBefore = await balanceOf(viewer.session);
    const entriesBefore = await ledgerCountOf(viewer.userId);
    await sleep(meterIntervalMs());
    const late = await tick(viewer.session, session, 1);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("SESSION_NOT_ACTIVE");
    expect(await balanceOf(viewer.session)).toBe(balanceBefore);
    expect(await ledgerCountOf(viewer.userId)).toBe(entriesBefore);
    // A new viewing cannot start either.
    const again = await viewer.session.call<ApiErrorBody>(`/api/streams/${stream.id}/session`, { method: "POST" });
    expect(again.status).toBe(409);

    // LiveKit's webhooks after the takedown do not bring it back (nor turn it into ENDED).
    for (const event of ["participant_joined", "track_published", "room_finished"]) {
      const hook = await postLivekitWebhook({
        id: `EV_${crypto.randomUUID()}`,
        event,
        room: { name: room },
        participant: { identity: `publisher:${stream.id}:web` },
      });
      expect(hook.status).toBe(200);
    }
    expect((await call<{ stream: StreamDto }>(`/api/streams/${stream.id}`)).body.stream.status).toBe("REMOVED");

    // The creator cannot publish it again.
    const token = await creator.session.call<ApiErrorBody>(`/api/streams/${stream.id}/token`, { method: "POST" });
    expect(token.status).toBe(409);
    expect(token.body.error.code).toBe("STREAM_REMOVED");
    const ingest = await creator.session.call<ApiErrorBody>(`/api/streams/${stream.id}/ingest`);
    expect(ingest.status).toBe(409);

    const second = await takedown(await moderatorSession(), stream.id, "Again");
    expect(second.status).toBe(200);
    expect(second.body.alreadyRemoved).toBe(true);
    expect(second.body.moderationActionId).toBe(res.body.moderationActionId);

    const { actions, audits, notes } = await withFixtureDb(async (db) => ({
      actions: await db
        .select()
        .from(moderationActions)
        .where(and(eq(moderationActions.targetId, stream.id), eq(moderationActions.action, "TAKEDOWN"))),
      audits: await db
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.targetId, stream.id), eq(auditLogs.action, "moderation.takedown"))),
      notes: await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, creator.userId), eq(notifications.type, "MODERATION"))),
    }));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ targetType: "STREAM", reason: "Copyright strike", streamId: stream.id });
    expect(actions[0]?.id).toBe(res.body.moderationActionId);
    expect(audits).toHaveLength(1);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.link).toBe(`/creator/stream/${stream.id}/analytics`);

    // Listed nowhere public; the admin list still has it.
    const discover = await call<{ streams: StreamDto[] }>(`/api/streams/list?status=all&creatorId=${creator.userId}`);
    expect(discover.body.streams.map((s) => s.id)).not.toContain(stream.id);
    const adminList = await admin.call<AdminStreamPage>(`/api/admin/streams?status=REMOVED&creator=${creator.userId}`);
    expect(adminList.body.streams.map((s) => s.id)).toEqual([stream.id]);
  });

  it("books nothing for a tick racing the takedown: the booking checks the stream in Postgres, not the object's copy", async () => {
    const { stream, viewer, session } = await liveStreamWithViewer("race");
    const balanceBefore = await balanceOf(viewer.session);
    const entriesBefore = await ledgerCountOf(viewer.userId);
    // The takedown has committed but the session object has not been told yet (and its status
    // copy, read at the last tick, still says LIVE).
    await withFixtureDb((db) => db.update(streams).set({ status: "REMOVED" }).where(eq(streams.id, stream.id)));
    await sleep(meterIntervalMs());
    const late = await tick(viewer.session, session, 1);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("SESSION_NOT_ACTIVE");
    expect(late.body.error.details).toMatchObject({ reason: "stream_removed" });
    expect(await balanceOf(viewer.session)).toBe(balanceBefore);
    expect(await ledgerCountOf(viewer.userId)).toBe(entriesBefore);
    const events = await withFixtureDb((db) =>
      db.select().from(meterEvents).where(eq(meterEvents.sessionId, session.sessionId)),
    );
    expect(events.map((e) => e.intervalIndex)).toEqual([0]);
  });

  it("answers 401 to guests, 403 to viewers and creators, 400 to bad input and 404 to an unknown stream", async () => {
    const creator = await freshCreator("td-guard");
    const stream = await createStream(creator.session);
    const { session: viewer } = await signUpVerified("td-guard-viewer");
    expect(
      (await call(`/api/admin/streams/${stream.id}/takedown`, { method: "POST", body: { reason: "x" } })).status,
    ).toBe(401);
    expect((await takedown(viewer, stream.id)).status).toBe(403);
    expect((await takedown(creator.session, stream.id)).status).toBe(403);
    const admin = await adminSession();
    expect((await takedown(admin, stream.id, "")).status).toBe(400);
    expect((await takedown(admin, "not-a-uuid")).status).toBe(400);
    expect((await takedown(admin, crypto.randomUUID())).status).toBe(404);
    for (const path of ["/api/admin/streams", `/api/admin/streams/${stream.id}`]) {
      expect((await call(path)).status).toBe(401);
      expect((await viewer.call(path)).status).toBe(403);
      expect((await creator.session.call(path)).status).toBe(403);
      expect((await (await moderatorSession()).call(path)).status).toBe(200);
    }
    for (const bad of ["status=GONE", "page=0", "limit=500", "from=2026-13-01", "from=2026-02-02&to=2026-02-01"]) {
      const res = await admin.call<ApiErrorBody>(`/api/admin/streams?${bad}`);
      expect(res.status, bad).toBe(400);
    }
    expect((await admin.call(`/api/admin/streams/${crypto.randomUUID()}`)).status).toBe(404);
    // Still SCHEDULED: nothing above changed it.
    expect((await call<{ stream: StreamDto }>(`/api/streams/${stream.id}`)).body.stream.status).toBe("SCHEDULED");
  });
});

describe("GET /api/admin/streams", () => {
  it("lists a creator's streams with viewers, duration and revenue so far that equal the meter events", async () => {
    const creator = await freshCreator("adm-list");
    const live = await createStream(creator.session, "Admin list live one");
    const other = await createStream(creator.session, "Admin list scheduled one");
    await markStreamLive(live.id);
    const v1 = await viewerWithCredits("adm-list-v1", "10");
    const v2 = await viewerWithCredits("adm-list-v2", "10");
    const [s1] = await Promise.all([watchIntervals(v1.session, live.id, 2), watchIntervals(v2.session, live.id, 1)]);
    const left = await v1.session.call(`/api/streams/${live.id}/session/${s1.sessionId}`, { method: "DELETE" });
    expect(left.status).toBe(204);

    const admin = await adminSession();
    const page = await admin.call<AdminStreamPage>(`/api/admin/streams?creator=${creator.userId}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    // Live first.
    expect(page.body.streams.map((s) => s.id)).toEqual([live.id, other.id]);

    const { events, row } = await withFixtureDb(async (db) => ({
      events: await db.select().from(meterEvents).where(eq(meterEvents.streamId, live.id)),
      row: (await db.select().from(streams).where(eq(streams.id, live.id)))[0],
    }));
    const gross = events.reduce((a, e) => a + e.creditsDebited, 0n);
    expect(events).toHaveLength(3);
    expect(gross).toBeGreaterThan(0n);
    const listed = page.body.streams[0];
    expect(listed).toMatchObject({
      status: "LIVE",
      viewerCount: 1,
      revenue: formatCredits(gross),
      uniqueViewers: 2,
      watchSeconds: Math.floor(events.reduce((a, e) => a + e.playbackMs, 0) / 1000),
      creator: { id: creator.userId },
    });
    const expectedDuration = Math.floor((Date.now() - (row?.startedAt?.getTime() ?? 0)) / 1000);
    expect(listed?.durationSeconds).toBeGreaterThanOrEqual(expectedDuration - 5);
    expect(listed?.durationSeconds).toBeLessThanOrEqual(expectedDuration);
    expect(page.body.streams[1]).toMatchObject({ status: "SCHEDULED", revenue: "0.000", durationSeconds: null });

    // Filters: status, search, dates.
    const liveOnly = await admin.call<AdminStreamPage>(`/api/admin/streams?creator=${creator.userId}&status=LIVE`);
    expect(liveOnly.body.streams.map((s) => s.id)).toEqual([live.id]);
    const searched = await admin.call<AdminStreamPage>(
      `/api/admin/streams?creator=${creator.userId}&search=${encodeURIComponent("scheduled one")}`,
    );
    expect(searched.body.streams.map((s) => s.id)).toEqual([other.id]);
    const past = await admin.call<AdminStreamPage>(`/api/admin/streams?creator=${creator.userId}&to=2020-01-01`);
    expect(past.body.total).toBe(0);
    const paged = await admin.call<AdminStreamPage>(`/api/admin/streams?creator=${creator.userId}&limit=1&page=2`);
    expect(paged.body.streams.map((s) => s.id)).toEqual([other.id]);

    // The detail: viewers, revenue split and timeline.
    const detail = await admin.call<AdminStreamDetail>(`/api/admin/streams/${live.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.viewers).toMatchObject({ now: 1, unique: 2, peak: 2, sessions: 2 });
    const settled = await withFixtureDb(async (db) =>
      db
        .select({ amount: ledgerEntries.amount, kind: sql<string>`w.kind` })
        .from(ledgerEntries)
        .innerJoin(sql`wallet w`, sql`w.id = ${ledgerEntries.walletId}`)
        .where(
          and(
            eq(ledgerEntries.referenceType, "METER_EVENT"),
            sql`${ledgerEntries.metadata}->>'streamId' = ${live.id}`,
            sql`w.kind in ('CREATOR_EARNINGS', 'PLATFORM_REVENUE')`,
          ),
        ),
    );
    const fee = settled.filter((s) => s.kind === "PLATFORM_REVENUE").reduce((a, s) => a + s.amount, 0n);
    const toCreator = settled.filter((s) => s.kind === "CREATOR_EARNINGS").reduce((a, s) => a + s.amount, 0n);
    expect(fee + toCreator).toBeGreaterThan(0n); // v1's final settlement
    expect(detail.body.revenue).toEqual({
      gross: formatCredits(gross),
      platformFee: formatCredits(fee),
      creator: formatCredits(toCreator),
      unsettled: formatCredits(gross - fee - toCreator),
    });
    expect(detail.body.timeline.map((t) => t.kind)).toEqual(["created"]);
  });
});

/** A day far from every other test's rows, so the sums over it are this file's alone. */
const DAYS = ["2024-03-04", "2024-03-05", "2024-03-13", "2024-04-02"];

describe("GET /api/admin/analytics/revenue", () => {
  it("sums completed payments by day, week and month with the provider split, equal to SQL over the payments", async () => {
    const { userId } = await signUpVerified("rev-payer");
    const rows = [
      { day: DAYS[0], provider: "STRIPE", status: "SUCCEEDED", cents: 1_000n, refunded: 0n },
      { day: DAYS[0], provider: "COINBASE", status: "SUCCEEDED", cents: 2_500n, refunded: 0n },
      { day: DAYS[1], provider: "STRIPE", status: "REFUNDED", cents: 500n, refunded: 500n },
      { day: DAYS[2], provider: "STRIPE", status: "DISPUTED", cents: 700n, refunded: 200n },
      { day: DAYS[2], provider: "STRIPE", status: "FAILED", cents: 9_999n, refunded: 0n },
      { day: DAYS[3], provider: "COINBASE", status: "PENDING", cents: 8_888n, refunded: 0n },
      { day: DAYS[3], provider: "COINBASE", status: "SUCCEEDED", cents: 300n, refunded: 0n },
    ] as const;
    await withFixtureDb((db) =>
      db.insert(payments).values(
        rows.map((r, i) => ({
          userId,
          provider: r.provider,
          status: r.status,
          amountCents: r.cents,
          refundedCents: r.refunded,
          currency: "usd",
          credits: 1_000n,
          createdAt: new Date(`${r.day}T${String(10 + i).padStart(2, "0")}:00:00Z`),
        })),
      ),
    );
    const admin = await adminSession();
    const from = new Date("2024-03-01T00:00:00Z");
    const to = new Date("2024-05-01T00:00:00Z");
    // Independently: SQL over the payment table.
    const truth = await withFixtureDb(async (db) =>
      db
        .select({
          provider: payments.provider,
          gross: sql<string>`sum(${payments.amountCents})::text`,
          refunded: sql<string>`sum(${payments.refundedCents})::text`,
          n: sql<number>`count(*)::int`,
        })
        .from(payments)
        .where(
          and(
            inArray(payments.status, ["SUCCEEDED", "REFUNDED", "DISPUTED"]),
            gte(payments.createdAt, from),
            lt(payments.createdAt, to),
          ),
        )
        .groupBy(payments.provider),
    );
    const of = (p: string) => truth.find((t) => t.provider === p);
    expect(of("STRIPE")?.gross).toBe("2200");

    const byMonth = await admin.call<RevenueReport>(
      "/api/admin/analytics/revenue?startDate=2024-03-01&endDate=2024-04-30&groupBy=month",
    );
    expect(byMonth.status).toBe(200);
    const grossAll = truth.reduce((a, t) => a + BigInt(t.gross), 0n);
    const refundedAll = truth.reduce((a, t) => a + BigInt(t.refunded), 0n);
    expect(byMonth.body.totals).toEqual({
      gross: formatCents(grossAll),
      refunded: formatCents(refundedAll),
      net: formatCents(grossAll - refundedAll),
      payments: truth.reduce((a, t) => a + t.n, 0),
    });
    for (const p of byMonth.body.providers) {
      expect(p.gross).toBe(formatCents(BigInt(of(p.provider)?.gross ?? 0)));
      expect(p.refunded).toBe(formatCents(BigInt(of(p.provider)?.refunded ?? 0)));
    }
    expect(byMonth.body.buckets).toEqual([
      { period: "2024-03-01", gross: "47.00", byProvider: { STRIPE: "22.00", COINBASE: "25.00" }, payments: 4 },
      { period: "2024-04-01", gross: "3.00", byProvider: { STRIPE: "0.00", COINBASE: "3.00" }, payments: 1 },
    ]);

    const byWeek = await admin.call<RevenueReport>(
      "/api/admin/analytics/revenue?startDate=2024-03-04&endDate=2024-03-17&groupBy=week",
    );
    expect(byWeek.body.buckets.map((b) => [b.period, b.gross])).toEqual([
      ["2024-03-04", "40.00"],
      ["2024-03-11", "7.00"],
    ]);
    const byDay = await admin.call<RevenueReport>(
      "/api/admin/analytics/revenue?startDate=2024-03-04&endDate=2024-03-06&groupBy=day",
    );
    expect(byDay.body.buckets.map((b) => [b.period, b.gross, b.payments])).toEqual([
      ["2024-03-04", "35.00", 2],
      ["2024-03-05", "5.00", 1],
      ["2024-03-06", "0.00", 0],
    ]);

    // The failed and refund lists.
    const failed = await admin.call<{ payments: { id: string; status: string; user: { id: string } }[] }>(
      "/api/admin/payments?kind=failed&limit=100",
    );
    expect(failed.status).toBe(200);
    expect(failed.body.payments.every((p) => p.status === "FAILED")).toBe(true);
    expect(failed.body.payments.some((p) => p.user.id === userId)).toBe(true);
    const refunds = await admin.call<{ payments: { refundedAmount: string; user: { id: string } }[] }>(
      "/api/admin/payments?kind=refunds&limit=100",
    );
    expect(
      refunds.body.payments
        .filter((p) => p.user.id === userId)
        .map((p) => p.refundedAmount)
        .sort(),
    ).toEqual(["2.00", "5.00"]);
    const disputes = await admin.call<{ payments: { status: string; user: { id: string } }[] }>(
      "/api/admin/payments?kind=disputes&limit=100",
    );
    expect(disputes.body.payments.filter((p) => p.user.id === userId).map((p) => p.status)).toEqual(["DISPUTED"]);
  });

  it("keeps money endpoints to admins (moderators too get 403) and refuses bad input", async () => {
    const { session: viewer } = await signUpVerified("rev-guard");
    const creator = await freshCreator("rev-guard-creator");
    const moderatorS = await moderatorSession();
    for (const path of [
      "/api/admin/analytics/revenue",
      "/api/admin/analytics/streams",
      "/api/admin/payments?kind=failed",
      "/api/admin/payments/webhooks",
    ]) {
      expect((await call(path)).status, path).toBe(401);
      expect((await viewer.call(path)).status, path).toBe(403);
      expect((await creator.session.call(path)).status, path).toBe(403);
      expect((await moderatorS.call(path)).status, path).toBe(403);
      expect((await (await adminSession()).call(path)).status, path).toBe(200);
    }
    const admin = await adminSession();
    for (const bad of [
      "/api/admin/analytics/revenue?groupBy=year",
      "/api/admin/analytics/revenue?startDate=2024-02-30",
      "/api/admin/analytics/revenue?startDate=2024-03-02&endDate=2024-03-01",
      "/api/admin/analytics/revenue?startDate=2020-01-01&endDate=2024-01-01",
      "/api/admin/analytics/streams?endDate=yesterday",
      "/api/admin/payments?kind=everything",
      "/api/admin/payments",
    ]) {
      const res = await admin.call<ApiErrorBody>(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code, bad).toBe("VALIDATION_FAILED");
    }
  });
});

describe("GET /api/admin/analytics/streams", () => {
  it("counts streams, average duration, peak concurrent viewers and watch time equal to the rows", async () => {
    const creator = await freshCreator("sa-creator");
    const v1 = await signUpVerified("sa-v1");
    const v2 = await signUpVerified("sa-v2");
    const at = (day: string, time: string) => new Date(`${day}T${time}Z`);
    const D = ["2024-06-03", "2024-06-04"] as const;
    await withFixtureDb(async (db) => {
      const made = await db
        .insert(streams)
        .values([
          {
            creatorId: creator.userId,
            title: "sa one",
            status: "ENDED",
            startedAt: at(D[0], "10:00:00"),
            endedAt: at(D[0], "11:00:00"),
          },
          {
            creatorId: creator.userId,
            title: "sa two",
            status: "REMOVED",
            startedAt: at(D[0], "10:30:00"),
            endedAt: at(D[0], "10:40:30"),
          },
          {
            creatorId: creator.userId,
            title: "sa three",
            status: "ENDED",
            startedAt: at(D[1], "20:00:00"),
            endedAt: at(D[1], "20:20:00"),
          },
        ])
        .returning({ id: streams.id });
      const [a, b, c] = made.map((m) => m.id);
      if (!a || !b || !c) throw new Error("streams not made");
      // Sessions: on day 0, three overlap between 10:35 and 10:40; on day 1, one.
      const sessions = [
        { userId: v1.userId, streamId: a, start: "10:05:00", end: "10:50:00", day: D[0] },
        { userId: v2.userId, streamId: a, start: "10:35:00", end: "10:45:00", day: D[0] },
        { userId: v1.userId, streamId: b, start: "10:31:00", end: "10:40:00", day: D[0] },
        { userId: v2.userId, streamId: c, start: "20:01:00", end: "20:02:00", day: D[1] },
      ];
      for (const [i, s] of sessions.entries()) {
        const sessionId = crypto.randomUUID();
        const escrowWalletId = await openSessionEscrow(db, { sessionId });
        await db.insert(viewingSessions).values({
          id: sessionId,
          userId: s.userId,
          streamId: s.streamId,
          creatorId: creator.userId,
          status: "ENDED",
          identity: `viewer:${sessionId}`,
          escrowWalletId,
          ratePerMinute: 6_000n,
          intervalMs: 10_000,
          feeBps: 2_000,
          startedAt: at(s.day, s.start),
          endedAt: at(s.day, s.end),
        });
        await db.insert(meterEvents).values(
          [0, 1, 2].map((k) => ({
            userId: s.userId,
            streamId: s.streamId,
            sessionId,
            intervalIndex: k,
            playbackMs: 10_000 + i * 1000 + k,
            creditsDebited: 0n,
            createdAt: new Date(at(s.day, s.start).getTime() + (k + 1) * 10_000),
          })),
        );
      }
    });
    const admin = await adminSession();
    const res = await admin.call<StreamAnalytics>(
      "/api/admin/analytics/streams?startDate=2024-06-03&endDate=2024-06-05",
    );
    expect(res.status).toBe(200);
    const independent = await withFixtureDb(async (db) => {
      const from = at(D[0], "00:00:00");
      const to = new Date(at("2024-06-05", "00:00:00").getTime() + 86_400_000);
      const started = await db
        .select()
        .from(streams)
        .where(and(gte(streams.startedAt, from), lt(streams.startedAt, to)));
      const events = await db
        .select()
        .from(meterEvents)
        .where(and(gte(meterEvents.createdAt, from), lt(meterEvents.createdAt, to)));
      return { started, events };
    });
    const durations = independent.started.map((s) =>
      Math.floor(((s.endedAt?.getTime() ?? 0) - (s.startedAt?.getTime() ?? 0)) / 1000),
    );
    const playback = independent.events.reduce((a, e) => a + e.playbackMs, 0);
    expect(res.body.totals).toEqual({
      streams: independent.started.length,
      averageDurationSeconds: Math.floor(durations.reduce((a, d) => a + d, 0) / durations.length),
      peakConcurrentViewers: 3,
      watchSeconds: Math.floor(playback / 1000),
      uniqueViewers: new Set(independent.events.map((e) => e.userId)).size,
    });
    expect(res.body.totals.streams).toBe(3);
    expect(res.body.totals.averageDurationSeconds).toBe(Math.floor((3600 + 630 + 1200) / 3));
    const dayPlayback = (day: string) =>
      Math.floor(
        independent.events
          .filter((e) => e.createdAt.toISOString().startsWith(day))
          .reduce((a, e) => a + e.playbackMs, 0) / 1000,
      );
    expect(res.body.days).toEqual([
      { day: D[0], streams: 2, watchSeconds: dayPlayback(D[0]) },
      { day: D[1], streams: 1, watchSeconds: dayPlayback(D[1]) },
      { day: "2024-06-05", streams: 0, watchSeconds: 0 },
    ]);
  });
});
