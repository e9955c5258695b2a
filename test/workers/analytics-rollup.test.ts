import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CreatorAnalyticsDto } from "../../contracts/creators.ts";
import { formatCredits } from "../../contracts/money.ts";
import {
  ensureCreatorEarnings,
  ensureUserWallet,
  fillAnalyticsRollup,
  getCreatorAnalytics,
  type CreatorAnalytics,
} from "../../worker/wallet/index.ts";
import {
  creatorRevenueDays,
  ledgerEntries,
  ledgerTransfers,
  meterCreatorDays,
  meterEvents,
  meterStreamDays,
  meterViewerDays,
  wallets,
} from "../../worker/wallet/wallet.schema.ts";
import { createStream, freshCreator, markStreamLive, viewerWithCredits, withFixtureDb } from "./support/live.ts";

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`);

interface Event {
  user: string;
  stream: string;
  session: string;
  at: number;
  playbackMs: number;
}
interface Entry {
  stream: string | null;
  at: number;
  amount: bigint;
}

/** Analytics as the DTO says them, recomputed from the rows in plain code. */
function expected(events: Event[], entries: Entry[], days: string[], streamId?: string) {
  const inRange = (e: { stream: string | null; at: number }) =>
    days.includes(dayOf(e.at)) && (!streamId || e.stream === streamId);
  const ev = events.filter(inRange);
  const en = entries.filter(inRange);
  const seconds = (list: Event[]) => Math.floor(list.reduce((s, e) => s + e.playbackMs, 0) / 1000);
  const perMinute = new Map<number, Set<string>>();
  for (const e of ev) {
    const minute = Math.floor(e.at / 60_000);
    perMinute.set(minute, (perMinute.get(minute) ?? new Set()).add(e.session));
  }
  const counts = [...perMinute.values()].map((s) => s.size);
  const sum = counts.reduce((a, b) => a + b, 0);
  // round half up to two decimals in integers: no float error at .xx5
  const average = counts.length === 0 ? 0 : Math.floor((200 * sum + counts.length) / (2 * counts.length)) / 100;
  const revenue = (list: Entry[]) => formatCredits(list.reduce((s, e) => s + e.amount, 0n));
  return {
    totals: {
      uniqueViewers: new Set(ev.map((e) => e.user)).size,
      watchSeconds: seconds(ev),
      revenue: revenue(en),
      peakConcurrent: counts.length ? Math.max(...counts) : 0,
      averageConcurrent: average,
    },
    viewersOverTime: days.map((day) => {
      const on = ev.filter((e) => dayOf(e.at) === day);
      return { day, uniqueViewers: new Set(on.map((e) => e.user)).size, watchSeconds: seconds(on) };
    }),
    revenueOverTime: days.map((day) => ({ day, amount: revenue(en.filter((e) => dayOf(e.at) === day)) })),
  };
}

const normalized = (a: CreatorAnalytics) =>
  JSON.stringify(a, (_key, value: unknown) =>
    typeof value === "bigint"
      ? value.toString()
      : value instanceof Map
        ? [...value.entries()].sort(([x], [y]) => String(x).localeCompare(String(y)))
        : value,
  );

describe("the analytics rollup of closed days", () => {
  it("answers what the meter events and the ledger say, across a day boundary, and never counts a day twice", async () => {
    const { session: creator, userId: creatorId } = await freshCreator("rollup");
    const a = await createStream(creator, "Rollup A");
    const b = await createStream(creator, "Rollup B");
    await markStreamLive(a.id);
    await markStreamLive(b.id);
    const { userId: u1 } = await viewerWithCredits("ru1", "1");
    const { userId: u2 } = await viewerWithCredits("ru2", "1");
    const { userId: u3 } = await viewerWithCredits("ru3", "1");
    const { userId: payer } = await viewerWithCredits("rpay", "10");

    // Three and two days ago are closed (a day closes an hour after it ends); today is open.
    const today = dayOf(Date.now());
    const d1 = dayOf(midnight(today) - 3 * DAY_MS);
    const d2 = dayOf(midnight(today) - 2 * DAY_MS);
    const at = (day: string, hms: string) => Date.parse(`${day}T${hms}Z`);
    const s = () => crypto.randomUUID();
    const [s1, s2, s3, s4, s5] = [s(), s(), s(), s(), s()];
    const events: Event[] = [
      // s1 and s2 watch A across midnight d1 → d2.
      ...["23:59:20", "23:59:30", "23:59:40", "23:59:50"].map((t) => ({ at: at(d1, t), session: s1 })),
      ...["00:00:00", "00:00:10", "00:00:20"].map((t) => ({ at: at(d2, t), session: s1 })),
      ...["23:59:45", "23:59:55"].map((t) => ({ at: at(d1, t), session: s2, user: u2 })),
      { at: at(d2, "00:00:05"), session: s2, user: u2 },
    ].map((e) => ({ user: u1, stream: a.id, playbackMs: 10_000, ...e }));
    events.push(
      ...["12:00:00", "12:00:10", "12:01:05"].map((t) => ({
        user: u1,
        stream: b.id,
        session: s3,
        at: at(d2, t),
        playbackMs: 9_500,
      })),
      { user: u3, stream: b.id, session: s4, at: at(d1, "10:00:00"), playbackMs: 10_000 },
      { user: u3, stream: b.id, session: s4, at: at(d1, "10:00:10"), playbackMs: 4_321 },
      // Today (open, read live): u2 again, on B.
      { user: u2, stream: b.id, session: s5, at: Date.now() - 1000, playbackMs: 10_000 },
    );
    const entries: Entry[] = [
      { stream: a.id, at: at(d1, "23:59:59"), amount: 1_100n },
      { stream: a.id, at: at(d2, "00:00:01"), amount: 2_250n },
      { stream: b.id, at: at(d2, "13:00:00"), amount: 730n },
      { stream: null, at: at(d1, "08:00:00"), amount: 305n },
      { stream: b.id, at: Date.now() - 500, amount: 415n },
    ];

    await withFixtureDb(async (db) => {
      await db.insert(meterEvents).values(
        events.map((e, i) => ({
          userId: e.user,
          streamId: e.stream,
          sessionId: e.session,
          intervalIndex: i,
          playbackMs: e.playbackMs,
          creditsDebited: 0n,
          createdAt: new Date(e.at),
        })),
      );
      // Balanced transfers from a payer's wallet to the creator's earnings, dated in the past.
      const earnings = await ensureCreatorEarnings(db, creatorId);
      const payerWallet = await ensureUserWallet(db, payer);
      const [start] = await db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.id, payerWallet));
      let payerBalance = start?.balance ?? 0n;
      let earned = 0n;
      for (const [i, e] of entries.entries()) {
        const [transfer] = await db
          .insert(ledgerTransfers)
          .values({ idempotencyKey: `rollup-test:${creatorId}:${i}`, amount: e.amount, description: "Rollup test" })
          .returning({ id: ledgerTransfers.id });
        if (!transfer) throw new Error("no transfer");
        payerBalance -= e.amount;
        earned += e.amount;
        const common = {
          transferId: transfer.id,
          type: "DEBIT" as const,
          referenceType: "METER_EVENT" as const,
          referenceId: `rollup-test-${i}`,
          metadata: e.stream ? { streamId: e.stream } : {},
          createdAt: new Date(e.at),
        };
        await db.insert(ledgerEntries).values([
          { ...common, walletId: payerWallet, userId: payer, amount: -e.amount, balanceAfter: payerBalance },
          { ...common, walletId: earnings, userId: creatorId, amount: e.amount, balanceAfter: earned },
        ]);
      }
      await db
        .update(wallets)
        .set({ balance: sql`${wallets.balance} - ${earned}` })
        .where(eq(wallets.id, payerWallet));
      await db
        .update(wallets)
        .set({ balance: sql`${wallets.balance} + ${earned}` })
        .where(eq(wallets.id, earnings));
    });

    const rollupRows = () =>
      withFixtureDb(async (db) => {
        const count = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? -1;
        const n = sql<number>`count(*)::int`;
        return {
          creatorDays: await count(
            db.select({ n }).from(meterCreatorDays).where(eq(meterCreatorDays.creatorId, creatorId)),
          ),
          streamDays: await count(
            db
              .select({ n })
              .from(meterStreamDays)
              .where(sql`${meterStreamDays.streamId} in (${a.id}::uuid, ${b.id}::uuid)`),
          ),
          viewerDays: await count(
            db
              .select({ n })
              .from(meterViewerDays)
              .where(sql`${meterViewerDays.streamId} in (${a.id}::uuid, ${b.id}::uuid)`),
          ),
          revenueDays: await count(
            db.select({ n }).from(creatorRevenueDays).where(eq(creatorRevenueDays.creatorId, creatorId)),
          ),
        };
      });
    expect(await rollupRows()).toEqual({ creatorDays: 0, streamDays: 0, viewerDays: 0, revenueDays: 0 });

    // First a part of the range (d2 alone), so the wider read after it fills only what is missing.
    const partial = await creator.call<CreatorAnalyticsDto>(`/api/creator/analytics?startDate=${d2}&endDate=${d2}`);
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject(expected(events, entries, [d2]));
    expect(await rollupRows()).toEqual({ creatorDays: 1, streamDays: 2, viewerDays: 3, revenueDays: 2 });

    const days = [d1, d2, dayOf(midnight(d2) + DAY_MS), today];
    const path = `/api/creator/analytics?startDate=${d1}&endDate=${today}`;
    const first = await creator.call<CreatorAnalyticsDto>(path);
    expect(first.status).toBe(200);
    const want = expected(events, entries, days);
    expect(first.body).toMatchObject(want);
    // d1: u1, u2 on A before midnight and u3 on B; d2: u1 (A, B) and u2 (A) after it.
    expect(want.viewersOverTime.map((d) => d.uniqueViewers)).toEqual([3, 2, 0, 1]);
    expect(want.totals).toMatchObject({ uniqueViewers: 3, peakConcurrent: 2 });
    // d1, d2 and yesterday (once an hour into today) are closed: yesterday's marker only, nothing
    // watched; today is not.
    const filled = await rollupRows();
    const yesterdayClosed = Date.now() - 3_600_000 >= midnight(today);
    expect(filled).toEqual({ creatorDays: yesterdayClosed ? 3 : 2, streamDays: 4, viewerDays: 6, revenueDays: 4 });

    // Warm: the same answer from the rollup alone; a fill again writes nothing.
    const again = await creator.call<CreatorAnalyticsDto>(path);
    expect(again.body).toEqual(first.body);
    const refill = await withFixtureDb((db) =>
      fillAnalyticsRollup(db, { creatorId, streamIds: [a.id, b.id], fromDay: d1, toDay: today }),
    );
    expect(refill).toEqual({ days: 0, stream_days: 0, viewer_days: 0, revenue_days: 0 });
    expect(await rollupRows()).toEqual(filled);

    // The rollup path and the all-live path agree on every figure, for the creator and per stream.
    const from = new Date(midnight(d1));
    const to = new Date(midnight(today) + DAY_MS);
    for (const streamId of [undefined, a.id, b.id]) {
      const [rolled, live] = await withFixtureDb(async (db) => [
        await getCreatorAnalytics(db, { creatorId, streamIds: [a.id, b.id], streamId, from, to }),
        await getCreatorAnalytics(db, { creatorId, streamIds: [a.id, b.id], streamId, from, to, rollup: false }),
      ]);
      expect(normalized(rolled), streamId ?? "all streams").toBe(normalized(live));
    }

    for (const stream of [a.id, b.id]) {
      const one = await creator.call<CreatorAnalyticsDto>(`${path}&streamId=${stream}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject(expected(events, entries, days, stream));
    }
    // Entries without a stream count for the creator, not for any one stream.
    const all = await creator.call<CreatorAnalyticsDto>(path);
    expect(all.body.topStreams.map((t) => [t.streamId, t.revenue]).sort()).toEqual(
      [
        [a.id, formatCredits(3_350n)],
        [b.id, formatCredits(1_145n)],
      ].sort(),
    );
    const viewerRows = await withFixtureDb((db) =>
      db
        .select({ day: meterViewerDays.day, userId: meterViewerDays.userId })
        .from(meterViewerDays)
        .where(and(eq(meterViewerDays.streamId, a.id), eq(meterViewerDays.day, d2))),
    );
    expect(viewerRows.map((r) => r.userId).sort()).toEqual([u1, u2].sort());
  });
});
