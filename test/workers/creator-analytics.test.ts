import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CreatorAnalyticsDto, CreatorEarningsDto } from "../../contracts/creators.ts";
import { formatCredits } from "../../contracts/money.ts";
import { viewingSessions } from "../../worker/metering/metering.schema.ts";
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
const today = () => new Date().toISOString().slice(0, 10);

describe("the creator's earnings and analytics", () => {
  it("reports earnings, pending escrow and analytics that equal the ledger and the meter events", async () => {
    const { session: creator, userId: creatorId } = await freshCreator("earner");
    const a = await createStream(creator, "Analytics A");
    const b = await createStream(creator, "Analytics B");
    await markStreamLive(a.id);
    await markStreamLive(b.id);
    const { session: v1 } = await viewerWithCredits("fan1", "10");
    const { session: v2 } = await viewerWithCredits("fan2", "10");

    const empty = await creator.call<CreatorEarningsDto>("/api/creator/earnings");
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ total: "0.000", pending: "0.000", byMonth: [], byStream: [], bySource: [] });

    const [s1, s2, s3] = await Promise.all([
      watchIntervals(v1, a.id, 2),
      watchIntervals(v2, a.id, 1),
      watchIntervals(v2, b.id, 2),
    ]);
    const sessions = [s1, s2, s3].map((s) => s.sessionId);

    // Nothing settled yet (settlements run every minute and at the end): it all waits in escrow.
    const before = await creator.call<CreatorEarningsDto>("/api/creator/earnings");
    const escrow = await withFixtureDb(async (db) => {
      const rows = await db
        .select({ balance: wallets.balance })
        .from(viewingSessions)
        .innerJoin(wallets, eq(wallets.id, viewingSessions.escrowWalletId))
        .where(inArray(viewingSessions.id, sessions));
      return sum(rows.map((r) => r.balance));
    });
    expect(escrow).toBeGreaterThan(0n);
    expect(before.body.pending).toBe(formatCredits(escrow));
    expect(before.body.total).toBe("0.000");

    // Leaving ends each session and books its final settlement.
    for (const [viewer, s] of [
      [v1, s1],
      [v2, s2],
      [v2, s3],
    ] as const) {
      const left = await viewer.call(`/api/streams/${s.streamId}/session/${s.sessionId}`, { method: "DELETE" });
      expect(left.status).toBe(204);
    }

    const { events, entries, feeBps } = await withFixtureDb(async (db) => {
      const events = await db
        .select()
        .from(meterEvents)
        .where(inArray(meterEvents.streamId, [a.id, b.id]));
      const entries = await db
        .select({
          amount: ledgerEntries.amount,
          metadata: ledgerEntries.metadata,
          referenceType: ledgerEntries.referenceType,
        })
        .from(ledgerEntries)
        .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
        .where(and(eq(wallets.kind, "CREATOR_EARNINGS"), eq(wallets.userId, creatorId)));
      const rows = await db
        .select({ id: viewingSessions.id, feeBps: viewingSessions.feeBps })
        .from(viewingSessions)
        .where(inArray(viewingSessions.id, sessions));
      return { events, entries, feeBps: new Map(rows.map((r) => [r.id, r.feeBps])) };
    });
    expect(events).toHaveLength(5);
    const total = sum(entries.map((e) => e.amount));
    // Independently: each session settled once, the creator keeping what is left after the rounded-down fee.
    const expectedTotal = sum(
      sessions.map((id) => {
        const debited = sum(events.filter((e) => e.sessionId === id).map((e) => e.creditsDebited));
        return debited - (debited * BigInt(feeBps.get(id) ?? 0)) / 10_000n;
      }),
    );
    expect(total).toBe(expectedTotal);
    const ofStream = (id: string) =>
      sum(entries.filter((e) => (e.metadata as { streamId?: string }).streamId === id).map((e) => e.amount));

    const earnings = await creator.call<CreatorEarningsDto>("/api/creator/earnings");
    expect(earnings.status).toBe(200);
    expect(earnings.headers.get("cache-control")).toBe("no-store");
    expect(earnings.body.total).toBe(formatCredits(total));
    expect(earnings.body.pending).toBe("0.000");
    expect(earnings.body.byMonth).toEqual([{ month: today().slice(0, 7), amount: formatCredits(total) }]);
    expect(earnings.body.bySource).toEqual([{ source: "METERING", amount: formatCredits(total) }]);
    expect(earnings.body.byStream).toHaveLength(2);
    expect(earnings.body.byStream).toEqual(
      expect.arrayContaining([
        { streamId: a.id, title: "Analytics A", amount: formatCredits(ofStream(a.id)) },
        { streamId: b.id, title: "Analytics B", amount: formatCredits(ofStream(b.id)) },
      ]),
    );

    // Analytics over the default range (the last 30 days), recomputed from the rows.
    const minutes = new Map<number, Set<string>>();
    for (const e of events) {
      const minute = Math.floor(e.createdAt.getTime() / 60_000);
      minutes.set(minute, (minutes.get(minute) ?? new Set()).add(e.sessionId));
    }
    const perMinute = [...minutes.values()].map((s) => s.size);
    const watchMs = (list: typeof events) => sum(list.map((e) => BigInt(e.playbackMs)));
    const analytics = await creator.call<CreatorAnalyticsDto>("/api/creator/analytics");
    expect(analytics.status).toBe(200);
    const body = analytics.body;
    expect(body.range.end).toBe(today());
    expect(body.viewersOverTime).toHaveLength(30);
    expect(body.revenueOverTime).toHaveLength(30);
    expect(body.range.start).toBe(body.viewersOverTime[0]?.day);
    expect(body.totals).toEqual({
      uniqueViewers: 2,
      watchSeconds: Number(watchMs(events) / 1000n),
      revenue: formatCredits(total),
      peakConcurrent: Math.max(...perMinute),
      averageConcurrent: Math.round((perMinute.reduce((x, y) => x + y, 0) / perMinute.length) * 100) / 100,
    });
    expect(body.viewersOverTime.at(-1)).toEqual({
      day: today(),
      uniqueViewers: 2,
      watchSeconds: Number(watchMs(events) / 1000n),
    });
    expect(body.revenueOverTime.at(-1)).toEqual({ day: today(), amount: formatCredits(total) });
    expect(body.revenueOverTime.slice(0, -1).every((d) => d.amount === "0.000")).toBe(true);
    const eventsOf = (id: string) => events.filter((e) => e.streamId === id);
    expect(body.topStreams).toEqual(
      [
        {
          streamId: a.id,
          title: "Analytics A",
          watchSeconds: Number(watchMs(eventsOf(a.id)) / 1000n),
          revenue: formatCredits(ofStream(a.id)),
          uniqueViewers: 2,
        },
        {
          streamId: b.id,
          title: "Analytics B",
          watchSeconds: Number(watchMs(eventsOf(b.id)) / 1000n),
          revenue: formatCredits(ofStream(b.id)),
          uniqueViewers: 1,
        },
      ].sort((x, y) => Number(y.revenue) - Number(x.revenue) || y.watchSeconds - x.watchSeconds),
    );

    // One stream, one day.
    const one = await creator.call<CreatorAnalyticsDto>(
      `/api/creator/analytics?streamId=${b.id}&startDate=${today()}&endDate=${today()}`,
    );
    expect(one.status).toBe(200);
    expect(one.body.range).toEqual({ start: today(), end: today() });
    expect(one.body.totals).toMatchObject({
      uniqueViewers: 1,
      watchSeconds: Number(watchMs(eventsOf(b.id)) / 1000n),
      revenue: formatCredits(ofStream(b.id)),
      peakConcurrent: 1,
    });
    expect(one.body.topStreams.map((s) => s.streamId)).toEqual([b.id]);
    expect(one.body.revenueOverTime).toEqual([{ day: today(), amount: formatCredits(ofStream(b.id)) }]);

    // A range before any watching: zeros, one row per day.
    const past = await creator.call<CreatorAnalyticsDto>(
      "/api/creator/analytics?startDate=2025-01-01&endDate=2025-01-07",
    );
    expect(past.status).toBe(200);
    expect(past.body.totals).toEqual({
      uniqueViewers: 0,
      watchSeconds: 0,
      revenue: "0.000",
      peakConcurrent: 0,
      averageConcurrent: 0,
    });
    expect(past.body.viewersOverTime.map((d) => d.day)).toEqual([
      "2025-01-01",
      "2025-01-02",
      "2025-01-03",
      "2025-01-04",
      "2025-01-05",
      "2025-01-06",
      "2025-01-07",
    ]);
    expect(past.body.topStreams).toEqual([]);
  });

  it("is for creators and admins only", async () => {
    const { session: viewer } = await viewerWithCredits("nosy", "1");
    for (const path of ["/api/creator/earnings", "/api/creator/analytics"]) {
      const forbidden = await viewer.call<ApiErrorBody>(path);
      expect(forbidden.status).toBe(403);
      expect((await new Session().call(path)).status).toBe(401);
      expect((await (await adminSession()).call(path)).status).toBe(200);
    }
  });

  it("answers 400 for bad or oversized ranges and 404 for a stream that is not the caller's", async () => {
    const { session: creator } = await freshCreator("earner");
    for (const query of [
      "startDate=2026-02-30",
      "startDate=yesterday",
      "endDate=2026-12-01T10:00:00Z",
      "startDate=2026-12-02&endDate=2026-12-01",
      "startDate=2025-01-01&endDate=2026-01-02",
      "streamId=not-a-uuid",
    ]) {
      const res = await creator.call<ApiErrorBody>(`/api/creator/analytics?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    // 366 days, both ends included, is the longest range.
    expect((await creator.call(`/api/creator/analytics?startDate=2025-01-01&endDate=2026-01-01`)).status).toBe(200);

    const others = await createStream(await creatorSession(), "Not yours");
    for (const id of [others.id, crypto.randomUUID()]) {
      const res = await creator.call<ApiErrorBody>(`/api/creator/analytics?streamId=${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });
});
