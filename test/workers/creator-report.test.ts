import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { StreamReportDto } from "../../contracts/creators.ts";
import { formatCredits } from "../../contracts/money.ts";
import { chatMessages } from "../../worker/chat/chat.schema.ts";
import { ledgerEntries, meterEvents, wallets } from "../../worker/wallet/wallet.schema.ts";
import type { ApiErrorBody } from "./support/http.ts";
import {
  adminSession,
  createStream,
  creatorSession,
  freshCreator,
  markStreamLive,
  viewerWithCredits,
  watchIntervals,
  withFixtureDb,
} from "./support/live.ts";
import { Session } from "./support/session.ts";

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
const minuteOf = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000).toISOString().replace(".000Z", "Z");

describe("GET /api/creator/streams/:id/report", () => {
  it("reports minutes, revenue, chat and totals that equal the meter events, the ledger and the chat rows", async () => {
    const { session: creator } = await freshCreator("reporter");
    const stream = await createStream(creator, "Report me");
    await markStreamLive(stream.id);
    const { session: v1, userId: u1 } = await viewerWithCredits("rv1", "10");
    const { session: v2 } = await viewerWithCredits("rv2", "10");

    const [s1, s2] = await Promise.all([watchIntervals(v1, stream.id, 3), watchIntervals(v2, stream.id, 1)]);
    // v1 leaves (its final settlement books); v2 stays, its ticks still in escrow.
    const left = await v1.call(`/api/streams/${stream.id}/session/${s1.sessionId}`, { method: "DELETE" });
    expect(left.status).toBe(204);

    // Chat rows as the StreamChat object writes them behind; a deleted one is not counted.
    const now = Date.now();
    const chatRows = [0, 0, 1, 61, 62].map((s, i) => ({
      streamId: stream.id,
      userId: u1,
      message: `hello ${i}`,
      createdAt: new Date(now - 120_000 + s * 1000),
      deletedAt: i === 1 ? new Date() : null,
    }));
    await withFixtureDb((db) => db.insert(chatMessages).values(chatRows));

    const { events, settled } = await withFixtureDb(async (db) => {
      const events = await db.select().from(meterEvents).where(eq(meterEvents.streamId, stream.id));
      const settled = await db
        .select({ kind: wallets.kind, amount: ledgerEntries.amount })
        .from(ledgerEntries)
        .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
        .where(
          and(
            eq(ledgerEntries.referenceType, "METER_EVENT"),
            inArray(ledgerEntries.referenceId, [s1.sessionId, s2.sessionId]),
            inArray(wallets.kind, ["CREATOR_EARNINGS", "PLATFORM_REVENUE"]),
          ),
        );
      return { events, settled };
    });
    expect(events).toHaveLength(4);

    const res = await creator.call<StreamReportDto>(`/api/creator/streams/${stream.id}/report`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = res.body;
    expect(body.stream).toMatchObject({ id: stream.id, title: "Report me", status: "LIVE", endedAt: null });
    expect(body.stream.startedAt).not.toBeNull();

    // Independently: distinct sessions per minute of meter_event.created_at.
    const perMinute = new Map<string, Set<string>>();
    for (const e of events) {
      const m = minuteOf(e.createdAt);
      perMinute.set(m, (perMinute.get(m) ?? new Set()).add(e.sessionId));
    }
    const expectedMinutes = [...perMinute]
      .map(([minute, sessions]) => ({ minute, viewers: sessions.size }))
      .sort((a, b) => a.minute.localeCompare(b.minute));
    expect(body.minutes).toEqual(expectedMinutes);
    expect(body.totals).toEqual({
      uniqueViewers: 2,
      watchSeconds: Number(sum(events.map((e) => BigInt(e.playbackMs))) / 1000n),
      peakViewers: Math.max(...expectedMinutes.map((m) => m.viewers)),
    });

    const ofKind = (kind: string) => sum(settled.filter((s) => s.kind === kind).map((s) => s.amount));
    expect(ofKind("CREATOR_EARNINGS")).toBeGreaterThan(0n);
    expect(body.revenue).toEqual({
      gross: formatCredits(sum(events.map((e) => e.creditsDebited))),
      platformFee: formatCredits(ofKind("PLATFORM_REVENUE")),
      creator: formatCredits(ofKind("CREATOR_EARNINGS")),
    });

    const perChatMinute = new Map<string, number>();
    for (const r of chatRows.filter((r) => r.deletedAt === null)) {
      const m = minuteOf(r.createdAt);
      perChatMinute.set(m, (perChatMinute.get(m) ?? 0) + 1);
    }
    expect(body.chat).toEqual(
      [...perChatMinute]
        .map(([minute, messages]) => ({ minute, messages }))
        .sort((a, b) => a.minute.localeCompare(b.minute)),
    );

    // The admin reads any creator's report; the numbers are the same.
    const asAdmin = await (await adminSession()).call<StreamReportDto>(`/api/creator/streams/${stream.id}/report`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toEqual(body);

    // Another creator: 404, as for a stream that does not exist.
    const { session: other } = await freshCreator("reporter");
    for (const id of [stream.id, crypto.randomUUID()]) {
      const res = await other.call<ApiErrorBody>(`/api/creator/streams/${id}/report`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("is empty for a stream nobody watched", async () => {
    const creator = await creatorSession();
    const stream = await createStream(creator, "Quiet");
    const res = await creator.call<StreamReportDto>(`/api/creator/streams/${stream.id}/report`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      stream: { id: stream.id, status: "SCHEDULED", startedAt: null, endedAt: null },
      minutes: [],
      chat: [],
      revenue: { gross: "0.000", platformFee: "0.000", creator: "0.000" },
      totals: { uniqueViewers: 0, watchSeconds: 0, peakViewers: 0 },
    });
  });

  it("answers 403 to a viewer, 401 to a guest and 400 for a bad id", async () => {
    const stream = await createStream(await creatorSession(), "Private numbers");
    const path = `/api/creator/streams/${stream.id}/report`;
    const { session: viewer } = await viewerWithCredits("peek", "1");
    const forbidden = await viewer.call<ApiErrorBody>(path);
    expect(forbidden.status).toBe(403);
    expect((await new Session().call(path)).status).toBe(401);

    const bad = await (await creatorSession()).call<ApiErrorBody>("/api/creator/streams/not-a-uuid/report");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });
});
