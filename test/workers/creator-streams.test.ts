import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  BulkStreamResult,
  CreatorStreamRow,
  CreatorStreamsPage,
  CreatorStreamSort,
  DeletedStream,
} from "../../contracts/creator-streams.ts";
import type { StreamDto } from "../../contracts/streams.ts";
import { viewingSessions } from "../../worker/metering/metering.schema.ts";
import { auditLogs } from "../../worker/platform/audit/audit.schema.ts";
import { streams } from "../../worker/streams/streams.schema.ts";
import { ledgerEntries, meterEvents, wallets } from "../../worker/wallet/wallet.schema.ts";
import type { ApiErrorBody } from "./support/http.ts";
import {
  adminSession,
  createStream,
  freshCreator,
  markStreamLive,
  viewerWithCredits,
  watchIntervals,
  withFixtureDb,
} from "./support/live.ts";
import { Session } from "./support/session.ts";

type Fixture = {
  id: string;
  title: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
};

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const RANK: Record<string, number> = { LIVE: 0, PAUSED: 1, SCHEDULED: 2, ENDED: 3, REMOVED: 3 };

/** Watches `intervals` on a stream and leaves, so the final settlement is booked on the ledger. */
async function watchAndLeave(viewer: Session, streamId: string, intervals: number) {
  const s = await watchIntervals(viewer, streamId, intervals);
  const left = await viewer.call(`/api/streams/${streamId}/session/${s.sessionId}`, { method: "DELETE" });
  expect(left.status).toBe(204);
  return s.sessionId;
}

async function setTimes(rows: Fixture[]) {
  await withFixtureDb(async (db) => {
    for (const r of rows) {
      await db
        .update(streams)
        .set({ status: r.status, createdAt: r.createdAt, startedAt: r.startedAt, endedAt: r.endedAt })
        .where(eq(streams.id, r.id));
    }
  });
}

describe("GET /api/creator/streams", () => {
  let creator: Session;
  let creatorId: string;
  let fixtures: Fixture[];
  /** Per stream, computed here from meter_event and ledger rows, not by the endpoint's query. */
  const peak = new Map<string, number>();
  const unique = new Map<string, number>();
  const revenue = new Map<string, bigint>();

  beforeAll(async () => {
    ({ session: creator, userId: creatorId } = await freshCreator("manager"));
    const titles = ["Alpha talk", "beta stream", "Charlie chess", "delta prep", "Echo live", "foxtrot recap"];
    const ids: string[] = [];
    for (const title of titles) ids.push((await createStream(creator, title)).id);
    const [a, b, c, d, e, f] = ids as [string, string, string, string, string, string];
    await markStreamLive(a);
    await markStreamLive(b);
    const [v1, v2, v3] = await Promise.all([
      viewerWithCredits("mgr1", "10"),
      viewerWithCredits("mgr2", "10"),
      viewerWithCredits("mgr3", "10"),
    ]);
    const sessions = await Promise.all([
      watchAndLeave(v1.session, a, 3),
      watchAndLeave(v2.session, a, 1),
      watchAndLeave(v3.session, b, 2),
    ]);
    const tagged = await creator.call(`/api/streams/${c}`, { method: "PATCH", body: { tags: ["Chess", "openings"] } });
    expect(tagged.status).toBe(200);

    const now = Date.now();
    fixtures = [
      {
        id: a,
        title: titles[0]!,
        status: "ENDED",
        createdAt: at("2026-11-09T08:00:00Z"),
        startedAt: at("2026-11-10T10:00:00Z"),
        endedAt: at("2026-11-10T12:00:00Z"),
      },
      {
        id: b,
        title: titles[1]!,
        status: "ENDED",
        createdAt: at("2026-11-11T08:00:00Z"),
        startedAt: at("2026-11-12T09:00:00Z"),
        endedAt: at("2026-11-12T09:30:00Z"),
      },
      {
        id: c,
        title: titles[2]!,
        status: "SCHEDULED",
        createdAt: at("2026-11-20T12:00:00Z"),
        startedAt: null,
        endedAt: null,
      },
      {
        id: d,
        title: titles[3]!,
        status: "SCHEDULED",
        createdAt: at("2026-11-25T12:00:00Z"),
        startedAt: null,
        endedAt: null,
      },
      {
        id: e,
        title: titles[4]!,
        status: "LIVE",
        createdAt: new Date(now - 11 * HOUR),
        startedAt: new Date(now - 10 * HOUR),
        endedAt: null,
      },
      {
        id: f,
        title: titles[5]!,
        status: "ENDED",
        createdAt: at("2026-11-04T08:00:00Z"),
        startedAt: at("2026-11-05T20:00:00Z"),
        endedAt: at("2026-11-05T21:00:00Z"),
      },
    ];
    await setTimes(fixtures);

    await withFixtureDb(async (db) => {
      const events = await db.select().from(meterEvents).where(inArray(meterEvents.streamId, ids));
      for (const id of ids) {
        const mine = events.filter((ev) => ev.streamId === id);
        const perMinute = new Map<number, Set<string>>();
        for (const ev of mine) {
          const minute = Math.floor(ev.createdAt.getTime() / 60_000);
          perMinute.set(minute, (perMinute.get(minute) ?? new Set()).add(ev.sessionId));
        }
        peak.set(id, Math.max(0, ...[...perMinute.values()].map((s) => s.size)));
        unique.set(id, new Set(mine.map((ev) => ev.userId)).size);
      }
      // The creator's share: their earnings account's settlement entries for each stream's sessions.
      const sessionRows = await db
        .select({ id: viewingSessions.id, streamId: viewingSessions.streamId })
        .from(viewingSessions)
        .where(inArray(viewingSessions.streamId, ids));
      expect(sessionRows.map((s) => s.id).sort()).toEqual([...sessions].sort());
      const entries = await db
        .select({ referenceId: ledgerEntries.referenceId, amount: ledgerEntries.amount })
        .from(ledgerEntries)
        .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
        .where(
          and(
            eq(wallets.kind, "CREATOR_EARNINGS"),
            eq(wallets.userId, creatorId),
            eq(ledgerEntries.referenceType, "METER_EVENT"),
            inArray(
              ledgerEntries.referenceId,
              sessionRows.map((s) => s.id),
            ),
          ),
        );
      for (const id of ids) {
        const mine = new Set(sessionRows.filter((s) => s.streamId === id).map((s) => s.id));
        revenue.set(
          id,
          entries
            .filter((en) => en.referenceId !== null && mine.has(en.referenceId))
            .reduce((x, en) => x + en.amount, 0n),
        );
      }
    });
    expect(revenue.get(a)).toBeGreaterThan(revenue.get(b) ?? 0n);
    expect(revenue.get(b)).toBeGreaterThan(0n);
  }, 120_000);

  const list = async (query: string) => {
    const res = await creator.call<CreatorStreamsPage>(`/api/creator/streams${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const byTitle = (title: string) => fixtures.find((f) => f.title === title)!.id;

  it("returns every row with its watching and revenue equal to the meter events and the ledger", async () => {
    const page = await list("?limit=100");
    expect(page.total).toBe(6);
    expect(page.streams).toHaveLength(6);
    for (const f of fixtures) {
      const row = page.streams.find((r) => r.id === f.id);
      expect(row, f.title).toBeDefined();
      const r = row as CreatorStreamRow;
      expect(r).toMatchObject({
        title: f.title,
        status: f.status,
        category: { slug: "gaming" },
        createdAt: f.createdAt.toISOString(),
        startedAt: f.startedAt?.toISOString() ?? null,
        endedAt: f.endedAt?.toISOString() ?? null,
        peakViewers: peak.get(f.id),
        uniqueViewers: unique.get(f.id),
        revenueMillicredits: String(revenue.get(f.id)),
      });
    }
    const [a, b, , , e] = fixtures;
    const row = (id: string) => page.streams.find((r) => r.id === id)!;
    expect(row(a!.id).durationSeconds).toBe(7200);
    expect(row(b!.id).durationSeconds).toBe(1800);
    expect(row(byTitle("Charlie chess")).durationSeconds).toBeNull();
    expect(row(byTitle("Charlie chess")).tags).toEqual(["chess", "openings"]);
    expect(row(e!.id).durationSeconds).toBeGreaterThanOrEqual(10 * 3600);
    expect(row(a!.id).uniqueViewers).toBe(2);

    // The per-stream report reads the same peak.
    const report = await creator.call<{ totals: { peakViewers: number } }>(`/api/creator/streams/${a!.id}/report`);
    expect(report.body.totals.peakViewers).toBe(row(a!.id).peakViewers);
  });

  it("filters by status, date range and search", async () => {
    const ids = async (q: string) => (await list(q)).streams.map((r) => r.id).sort();
    const where = (pred: (f: Fixture) => boolean) =>
      fixtures
        .filter(pred)
        .map((f) => f.id)
        .sort();
    expect(await ids("?status=LIVE")).toEqual(where((f) => f.status === "LIVE"));
    expect(await ids("?status=SCHEDULED")).toEqual(where((f) => f.status === "SCHEDULED"));
    expect(await ids("?status=ENDED")).toEqual(where((f) => f.status === "ENDED"));
    expect(await ids("?status=all")).toEqual(where(() => true));
    // Both days included; the date is when it went live, else when it was created.
    const inRange = (f: Fixture) => {
      const d = (f.startedAt ?? f.createdAt).toISOString().slice(0, 10);
      return d >= "2026-11-10" && d <= "2026-11-20";
    };
    expect(where(inRange)).toHaveLength(3);
    expect(await ids("?from=2026-11-10&to=2026-11-20")).toEqual(where(inRange));
    expect(await ids("?from=2026-11-12&to=2026-11-12")).toEqual([byTitle("beta stream")]);
    expect(await ids("?status=ENDED&to=2026-11-10")).toEqual(
      where((f) => f.status === "ENDED" && (f.startedAt ?? f.createdAt) < at("2026-11-11T00:00:00Z")),
    );
    expect(await ids("?search=ALPHA")).toEqual([byTitle("Alpha talk")]);
    expect(await ids("?search=openings")).toEqual([byTitle("Charlie chess")]);
    expect(await ids("?search=%25")).toEqual([]);
  });

  const keyOf: Record<CreatorStreamSort, (f: Fixture) => number | string | bigint | null> = {
    date: (f) => (f.startedAt ?? f.createdAt).getTime(),
    title: (f) => f.title.toLowerCase(),
    duration: (f) =>
      f.startedAt === null
        ? null
        : Math.floor(((f.endedAt ?? (f.status === "LIVE" ? new Date() : null))?.getTime() ?? NaN) / 1000) -
          Math.floor(f.startedAt.getTime() / 1000),
    viewers: (f) => peak.get(f.id) ?? 0,
    revenue: (f) => revenue.get(f.id) ?? 0n,
    status: (f) => RANK[f.status]!,
  };
  /** The order the endpoint promises: key (nulls last), then date newest first, then id. */
  const expectedOrder = (sort: CreatorStreamSort, dir: "asc" | "desc") =>
    [...fixtures]
      .sort((x, y) => {
        const kx = keyOf[sort](x);
        const ky = keyOf[sort](y);
        if (kx !== ky) {
          if (kx === null) return 1;
          if (ky === null) return -1;
          const c = kx < ky ? -1 : 1;
          return dir === "asc" ? c : -c;
        }
        const dx = keyOf.date(x) as number;
        const dy = keyOf.date(y) as number;
        if (dx !== dy) return dy - dx;
        return x.id < y.id ? -1 : 1;
      })
      .map((f) => f.id);

  for (const sort of ["title", "date", "duration", "viewers", "revenue", "status"] as const) {
    for (const dir of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${dir}`, async () => {
        const page = await list(`?sort=${sort}&dir=${dir}&limit=100`);
        expect(page.streams.map((r) => r.id)).toEqual(expectedOrder(sort, dir));
      });
    }
  }

  it("pages without repeating or skipping a row", async () => {
    const whole = (await list("?sort=viewers&dir=desc&limit=100")).streams.map((r) => r.id);
    const pages: string[] = [];
    for (const page of [1, 2, 3, 4]) {
      const body = await list(`?sort=viewers&dir=desc&limit=2&page=${page}`);
      expect(body).toMatchObject({ total: 6, page, limit: 2 });
      pages.push(...body.streams.map((r) => r.id));
    }
    expect(pages).toEqual(whole);
  });

  it("lists only the caller's streams", async () => {
    const { session: other } = await freshCreator("manager-other");
    const body = (await other.call<CreatorStreamsPage>("/api/creator/streams")).body;
    expect(body).toMatchObject({ streams: [], total: 0 });
  });

  it("answers 400 for a bad query, 403 to a viewer and 401 to a guest", async () => {
    for (const q of [
      "?sort=creator",
      "?dir=up",
      "?status=live",
      "?from=2026-11-20&to=2026-11-10",
      "?from=yesterday",
      "?limit=0",
      "?limit=101",
      "?page=0",
    ]) {
      const res = await creator.call<ApiErrorBody>(`/api/creator/streams${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    const { session: viewer } = await viewerWithCredits("mgr-peek", "1");
    for (const [method, path, body] of [
      ["GET", "/api/creator/streams", undefined],
      ["DELETE", `/api/creator/streams/${fixtures[0]!.id}`, undefined],
      ["POST", "/api/creator/streams/bulk", { action: "delete", streamIds: [fixtures[0]!.id] }],
    ] as const) {
      expect((await viewer.call(path, { method, body })).status, `${method} ${path}`).toBe(403);
      expect((await new Session().call(path, { method, body })).status, `${method} ${path}`).toBe(401);
    }
  });
});

describe("deleting streams", () => {
  it("deletes a never-live stream outright, keeps one with history for the ledger, refuses a live one", async () => {
    const { session: creator, userId: creatorId } = await freshCreator("deleter");
    const scheduled = await createStream(creator, "Never aired");
    const watched = await createStream(creator, "Aired and paid");
    const live = await createStream(creator, "On air now");
    await markStreamLive(watched.id);
    await markStreamLive(live.id);
    const { session: viewer } = await viewerWithCredits("del-fan", "10");
    await watchAndLeave(viewer, watched.id, 1);
    const ended = await creator.call(`/api/streams/${watched.id}`, { method: "DELETE" });
    expect(ended.status).toBe(204);

    const ledgerOf = () =>
      withFixtureDb(async (db) => {
        const rows = await db
          .select({ amount: ledgerEntries.amount })
          .from(ledgerEntries)
          .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
          .where(and(eq(wallets.kind, "CREATOR_EARNINGS"), eq(wallets.userId, creatorId)));
        return rows.reduce((x, r) => x + r.amount, 0n);
      });
    const earnedBefore = await ledgerOf();
    expect(earnedBefore).toBeGreaterThan(0n);

    const hard = await creator.call<DeletedStream>(`/api/creator/streams/${scheduled.id}`, { method: "DELETE" });
    expect(hard.status).toBe(200);
    expect(hard.body).toEqual({ id: scheduled.id, mode: "hard" });
    const soft = await creator.call<DeletedStream>(`/api/creator/streams/${watched.id}`, { method: "DELETE" });
    expect(soft.body).toEqual({ id: watched.id, mode: "soft" });
    const refused = await creator.call<ApiErrorBody>(`/api/creator/streams/${live.id}`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("STREAM_IS_LIVE");

    const rows = await withFixtureDb((db) =>
      db
        .select({ id: streams.id, deletedAt: streams.deletedAt })
        .from(streams)
        .where(inArray(streams.id, [scheduled.id, watched.id, live.id])),
    );
    expect(rows.find((r) => r.id === scheduled.id)).toBeUndefined();
    expect(rows.find((r) => r.id === watched.id)?.deletedAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.id === live.id)?.deletedAt).toBeNull();
    expect(await ledgerOf()).toBe(earnedBefore);

    const audit = await withFixtureDb((db) =>
      db
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.action, "stream.deleted"), inArray(auditLogs.targetId, [scheduled.id, watched.id]))),
    );
    expect(audit.map((r) => [r.targetId, r.metadata.mode, r.actorId]).sort()).toEqual(
      [
        [scheduled.id, "hard", creatorId],
        [watched.id, "soft", creatorId],
      ].sort(),
    );

    // Gone from every list and from the stream's own address; a second delete, an edit: 404.
    expect((await creator.call(`/api/streams/${watched.id}`)).status).toBe(404);
    expect((await creator.call(`/api/streams/${scheduled.id}`)).status).toBe(404);
    const mine = await creator.call<CreatorStreamsPage>("/api/creator/streams");
    expect(mine.body.streams.map((r) => r.id)).toEqual([live.id]);
    const listed = await creator.call<{ streams: StreamDto[] }>(`/api/streams/list?status=all&creatorId=${creatorId}`);
    expect(listed.body.streams.map((s) => s.id)).toEqual([live.id]);
    const discovered = await creator.call<{ streams: StreamDto[] }>(
      `/api/streams/discover?status=all&search=${encodeURIComponent("Aired and paid")}`,
    );
    expect(discovered.body.streams.map((s) => s.id)).not.toContain(watched.id);
    const profile = await creator.call<{ pastStreams: { streams: StreamDto[] } }>(`/api/creators/${creatorId}`);
    expect(profile.status).toBe(200);
    expect(profile.body.pastStreams.streams.map((s) => s.id)).not.toContain(watched.id);
    expect((await creator.call(`/api/creator/streams/${watched.id}`, { method: "DELETE" })).status).toBe(404);
    const patch = await creator.call(`/api/streams/${watched.id}`, { method: "PATCH", body: { title: "Back again" } });
    expect(patch.status).toBe(404);

    // Another creator's stream is a 404; an admin may delete it once it has ended.
    const { session: other } = await freshCreator("deleter-other");
    const theirs = await other.call<ApiErrorBody>(`/api/creator/streams/${live.id}`, { method: "DELETE" });
    expect(theirs.status).toBe(404);
    expect((await creator.call(`/api/streams/${live.id}`, { method: "DELETE" })).status).toBe(204);
    const byAdmin = await (
      await adminSession()
    ).call<DeletedStream>(`/api/creator/streams/${live.id}`, {
      method: "DELETE",
    });
    expect(byAdmin.body).toEqual({ id: live.id, mode: "soft" });

    const bad = await creator.call<ApiErrorBody>("/api/creator/streams/not-a-uuid", { method: "DELETE" });
    expect(bad.status).toBe(400);
  }, 60_000);
});

describe("POST /api/creator/streams/bulk", () => {
  it("ends and deletes stream by stream and reports each outcome", async () => {
    const { session: creator, userId: creatorId } = await freshCreator("bulker");
    const s1 = await createStream(creator, "Bulk one");
    const s2 = await createStream(creator, "Bulk two");
    const l1 = await createStream(creator, "Bulk live");
    await markStreamLive(l1.id);
    const { session: other } = await freshCreator("bulker-other");
    const theirs = await createStream(other, "Not yours");
    const missing = crypto.randomUUID();

    const end = await creator.call<BulkStreamResult>("/api/creator/streams/bulk", {
      method: "POST",
      body: { action: "end", streamIds: [l1.id, s1.id, theirs.id, missing, s1.id] },
    });
    expect(end.status).toBe(200);
    expect(end.body.results).toEqual([
      { id: l1.id, ok: true },
      { id: s1.id, ok: true },
      { id: theirs.id, ok: false, error: { code: "NOT_FOUND", message: "Stream not found" } },
      { id: missing, ok: false, error: { code: "NOT_FOUND", message: "Stream not found" } },
    ]);
    const again = await creator.call<BulkStreamResult>("/api/creator/streams/bulk", {
      method: "POST",
      body: { action: "end", streamIds: [s1.id] },
    });
    expect(again.body.results[0]).toMatchObject({ id: s1.id, ok: false, error: { code: "INVALID_TRANSITION" } });

    const del = await creator.call<BulkStreamResult>("/api/creator/streams/bulk", {
      method: "POST",
      body: { action: "delete", streamIds: [s1.id, s2.id, l1.id, theirs.id] },
    });
    expect(del.body.results).toEqual([
      { id: s1.id, ok: true },
      { id: s2.id, ok: true },
      { id: l1.id, ok: true },
      { id: theirs.id, ok: false, error: { code: "NOT_FOUND", message: "Stream not found" } },
    ]);
    const left = await withFixtureDb((db) =>
      db
        .select({ id: streams.id, status: streams.status, deletedAt: streams.deletedAt })
        .from(streams)
        .where(inArray(streams.id, [s1.id, s2.id, l1.id, theirs.id])),
    );
    // Never live: gone. Went live (history): kept, marked. Not ours: untouched.
    expect(left.map((r) => r.id).sort()).toEqual([l1.id, theirs.id].sort());
    expect(left.find((r) => r.id === l1.id)).toMatchObject({ status: "ENDED" });
    expect(left.find((r) => r.id === l1.id)?.deletedAt).toBeInstanceOf(Date);
    expect(left.find((r) => r.id === theirs.id)).toMatchObject({ status: "SCHEDULED", deletedAt: null });

    const audit = await withFixtureDb((db) =>
      db
        .select({ action: auditLogs.action, targetId: auditLogs.targetId, metadata: auditLogs.metadata })
        .from(auditLogs)
        .where(and(eq(auditLogs.actorId, creatorId), inArray(auditLogs.action, ["stream.ended", "stream.deleted"]))),
    );
    expect(audit.map((r) => `${r.action} ${r.targetId}`).sort()).toEqual(
      [
        `stream.ended ${l1.id}`,
        `stream.ended ${s1.id}`,
        `stream.deleted ${s1.id}`,
        `stream.deleted ${s2.id}`,
        `stream.deleted ${l1.id}`,
      ].sort(),
    );
    expect(audit.every((r) => r.metadata.bulk === true)).toBe(true);
  }, 60_000);

  it("refuses a bad body", async () => {
    const { session: creator } = await freshCreator("bulker-bad");
    const id = crypto.randomUUID();
    for (const body of [
      { action: "archive", streamIds: [id] },
      { action: "end", streamIds: [] },
      { action: "end", streamIds: ["nope"] },
      { action: "end", streamIds: Array.from({ length: 51 }, () => crypto.randomUUID()) },
      { action: "end" },
    ]) {
      const res = await creator.call<ApiErrorBody>("/api/creator/streams/bulk", { method: "POST", body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("stream tags", () => {
  it("stores tags lower-cased and once, and refuses too many or too long", async () => {
    const { session: creator } = await freshCreator("tagger");
    const created = await creator.call<{ stream: StreamDto }>("/api/streams", {
      method: "POST",
      body: { title: "Tagged", tags: ["Chess", " chess ", "Speedrun"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.stream.tags).toEqual(["chess", "speedrun"]);
    const patched = await creator.call<{ stream: StreamDto }>(`/api/streams/${created.body.stream.id}`, {
      method: "PATCH",
      body: { tags: ["IRL"] },
    });
    expect(patched.body.stream.tags).toEqual(["irl"]);
    expect(
      (await creator.call<{ stream: StreamDto }>(`/api/streams/${created.body.stream.id}`)).body.stream.tags,
    ).toEqual(["irl"]);
    for (const tags of [Array.from({ length: 11 }, (_, i) => `t${i}`), ["x".repeat(25)], [" "]]) {
      const res = await creator.call<ApiErrorBody>("/api/streams", { method: "POST", body: { title: "Tagged", tags } });
      expect(res.status).toBe(400);
    }
  });
});
