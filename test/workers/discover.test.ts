import { and, eq, inArray, sum } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CreatorProfileDto } from "../../contracts/creators.ts";
import type { FollowingListDto, FollowStateDto } from "../../contracts/follows.ts";
import type { StreamDto } from "../../contracts/streams.ts";
import { follows } from "../../worker/follows/follows.schema.ts";
import type { StreamStatus } from "../../contracts/streams.ts";
import { streams } from "../../worker/streams/streams.schema.ts";
import { profiles, users } from "../../worker/users/users.schema.ts";
import { meterEvents } from "../../worker/wallet/wallet.schema.ts";
import { call, type ApiErrorBody } from "./support/http.ts";
import { markStreamLive, meterIntervalMs, sleep, viewerWithCredits, withFixtureDb } from "./support/live.ts";
import { type Session, signUpVerified } from "./support/session.ts";

interface Page {
  streams: StreamDto[];
  nextCursor: string | null;
}

/** A word no other test's title contains: searches and assertions stay within this test's rows. */
const word = () => Array.from({ length: 9 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

/** A brand-new creator with this display name (what an admin's role change would make). */
async function newCreator(displayName: string): Promise<{ session: Session; userId: string }> {
  const { session, userId } = await signUpVerified("creator");
  await withFixtureDb(async (db) => {
    await db.update(users).set({ role: "CREATOR" }).where(eq(users.id, userId));
    await db.update(profiles).set({ displayName, isCreator: true }).where(eq(profiles.userId, userId));
  });
  return { session, userId };
}

async function newStream(creator: Session, title: string, category = "gaming"): Promise<string> {
  const res = await creator.call<{ stream: { id: string } }>("/api/streams", {
    method: "POST",
    body: { title, category },
  });
  if (res.status !== 201) throw new Error(`create stream ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.stream.id;
}

/** What LiveKit and metering would have left on the row: status, viewers, start time. */
async function setStream(id: string, fields: { status: StreamStatus; viewerCount?: number; startedAt?: Date }) {
  await withFixtureDb((db) =>
    db
      .update(streams)
      .set({
        status: fields.status,
        viewerCount: fields.viewerCount ?? 0,
        startedAt: fields.startedAt ?? new Date(),
        endedAt: fields.status === "ENDED" ? new Date() : null,
      })
      .where(eq(streams.id, id)),
  );
}

const discover = (query: string, session?: Session) =>
  session
    ? session.call<Page & ApiErrorBody>(`/api/streams/discover?${query}`)
    : call<Page & ApiErrorBody>(`/api/streams/discover?${query}`);

const idsIn = (page: Page, mine: readonly string[]) => page.streams.map((s) => s.id).filter((id) => mine.includes(id));

describe("GET /api/streams/discover", () => {
  it("orders live first, then by viewers, then newest, and filters by status", async () => {
    const tag = word();
    const { session } = await newCreator(`Orderer ${tag}`);
    const [quiet, busy, old, recent, scheduled] = await Promise.all(
      ["quiet", "busy", "old", "recent", "scheduled"].map((n) => newStream(session, `${n} ${tag}`)),
    );
    const hourAgo = new Date(Date.now() - 3_600_000);
    await setStream(quiet!, { status: "LIVE", viewerCount: 2 });
    await setStream(busy!, { status: "LIVE", viewerCount: 9 });
    await setStream(old!, { status: "ENDED", startedAt: new Date(Date.now() - 7_200_000) });
    await setStream(recent!, { status: "ENDED", startedAt: hourAgo });
    const mine = [quiet!, busy!, old!, recent!, scheduled!];

    const all = await discover(`status=all&search=${tag}&limit=50`);
    expect(all.status).toBe(200);
    expect(idsIn(all.body, mine)).toEqual([busy, quiet, scheduled, recent, old]);
    const first = all.body.streams.find((s) => s.id === busy);
    expect(first).toMatchObject({
      status: "LIVE",
      viewerCount: 9,
      creator: { displayName: `Orderer ${tag}`, avatarUrl: null },
      category: { slug: "gaming", name: "Gaming" },
    });

    const live = await discover(`status=live&search=${tag}&limit=50`);
    expect(idsIn(live.body, mine)).toEqual([busy, quiet]);
    // status defaults to all
    expect(idsIn((await discover(`search=${tag}&limit=50`)).body, mine)).toHaveLength(5);
  });

  it("searches titles, creator names and category names, typo-tolerant, and filters by category", async () => {
    const tag = word();
    const { session } = await newCreator(`Zephyrine${tag}`);
    const byTitle = await newStream(session, `Midnight gaming marathon ${tag}`, "music");
    const inMusic = await newStream(session, `Quiet set ${tag}`, "music");
    const inEducation = await newStream(session, `Lesson ${tag}`, "education");
    // The most viewers anywhere, so the typo search (which matches every Gaming stream too) shows it first.
    await setStream(byTitle, { status: "LIVE", viewerCount: 1_000_000 });
    const mine = [byTitle, inMusic, inEducation];

    const typo = await discover("search=gamng&status=live&limit=5");
    expect(typo.status).toBe(200);
    expect(typo.body.streams[0]?.id).toBe(byTitle);

    const creatorPrefix = await discover(`search=zephyrine${tag.slice(0, 4)}&limit=50`);
    expect(idsIn(creatorPrefix.body, mine).sort()).toEqual([...mine].sort());
    const creatorTypo = await discover(`search=zephyrnie${tag}&limit=50`);
    expect(idsIn(creatorTypo.body, mine).sort()).toEqual([...mine].sort());

    const category = await discover(`search=educaton&limit=50`);
    expect(idsIn(category.body, mine)).toContain(inEducation);

    const filtered = await discover(`category=music&search=${tag}&limit=50`);
    expect(idsIn(filtered.body, mine)).toEqual([byTitle, inMusic]);
    expect(filtered.body.streams.every((s) => s.category?.slug === "music")).toBe(true);
    const unknown = await discover(`category=no-such-category&search=${tag}`);
    expect(unknown.body).toEqual({ streams: [], nextCursor: null });
  });

  it("pages through ties without repeating or skipping a stream", async () => {
    const tag = word();
    const { session } = await newCreator(`Pager ${tag}`);
    const mine = await Promise.all(Array.from({ length: 7 }, (_, i) => newStream(session, `tie ${i} ${tag}`)));
    const same = new Date(Date.now() - 60_000);
    for (const id of mine) await setStream(id, { status: "LIVE", viewerCount: 3, startedAt: same });

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const res: Awaited<ReturnType<typeof discover>> = await discover(
        `search=${tag}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.streams.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.streams.map((s) => s.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => mine.includes(id))).toEqual([...mine].sort().reverse());
  });

  it("answers bad input with 400 JSON", async () => {
    const badCursor = await discover("cursor=!!!");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.code).toBe("INVALID_CURSOR");
    const forged = await discover(`cursor=${btoa(JSON.stringify({ r: 0, v: -1, t: "x", id: "y" }))}`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe("INVALID_CURSOR");
    for (const query of [
      "limit=0",
      "limit=51",
      "limit=abc",
      "status=ended",
      "category=Not_A_Slug",
      `search=${"x".repeat(101)}`,
    ]) {
      const res = await discover(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe("VALIDATION_FAILED");
    }
  });

  it("lets shared caches keep the anonymous answer only", async () => {
    const anonymous = await discover("status=live");
    expect(anonymous.headers.get("cache-control")).toBe("public, max-age=30");
    expect(anonymous.headers.get("vary")).toMatch(/cookie/i);
    const { session } = await signUpVerified("browser");
    const signedIn = await discover("status=live", session);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.headers.get("vary")).toMatch(/cookie/i);
  });
});

const follow = (s: Session, creatorId: string, method: "POST" | "DELETE" = "POST") =>
  s.call<FollowStateDto & ApiErrorBody>(`/api/creators/${creatorId}/follow`, { method });

const followRows = (userId: string, creatorId: string) =>
  withFixtureDb((db) =>
    db
      .select()
      .from(follows)
      .where(and(eq(follows.userId, userId), eq(follows.creatorId, creatorId))),
  );

describe("follows", () => {
  it("follows and unfollows idempotently, and refuses self, non-creators and strangers", async () => {
    const { userId: creatorId, session: creator } = await newCreator(`Followed ${word()}`);
    const { session: viewer, userId: viewerId } = await signUpVerified("follower");

    expect((await follow(viewer, creatorId)).body).toEqual({ following: true, followerCount: 1 });
    const again = await follow(viewer, creatorId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ following: true, followerCount: 1 });
    expect(await followRows(viewerId, creatorId)).toHaveLength(1);

    expect((await follow(viewer, creatorId, "DELETE")).body).toEqual({ following: false, followerCount: 0 });
    const unfollowAgain = await follow(viewer, creatorId, "DELETE");
    expect(unfollowAgain.status).toBe(200);
    expect(unfollowAgain.body).toEqual({ following: false, followerCount: 0 });
    expect(await followRows(viewerId, creatorId)).toHaveLength(0);

    const self = await follow(creator, creatorId);
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe("CANNOT_FOLLOW_SELF");

    const notCreator = await follow(creator, viewerId);
    expect(notCreator.status).toBe(404);
    expect(notCreator.body.error.code).toBe("NOT_FOUND");
    expect((await follow(viewer, crypto.randomUUID())).status).toBe(404);

    const badId = await follow(viewer, "not-a-uuid");
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe("VALIDATION_FAILED");

    const anonymous = await call<ApiErrorBody>(`/api/creators/${creatorId}/follow`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect((await call<ApiErrorBody>("/api/following")).status).toBe(401);
  });

  it("lists followed creators: live first with their stream, then by name", async () => {
    const tag = word();
    const bravo = await newCreator(`Bravo ${tag}`);
    const alpha = await newCreator(`alpha ${tag}`);
    const charlie = await newCreator(`Charlie ${tag}`);
    const liveId = await newStream(charlie.session, `Charlie live ${tag}`);
    await setStream(liveId, { status: "LIVE", viewerCount: 4 });
    const { session: viewer } = await signUpVerified("lister");
    for (const c of [bravo, alpha, charlie]) expect((await follow(viewer, c.userId)).status).toBe(200);

    const res = await viewer.call<FollowingListDto>("/api/following");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.creators.map((c) => c.id)).toEqual([charlie.userId, alpha.userId, bravo.userId]);
    expect(res.body.creators[0]).toMatchObject({
      displayName: `Charlie ${tag}`,
      avatarUrl: null,
      live: { streamId: liveId, title: `Charlie live ${tag}`, viewerCount: 4 },
    });
    expect(res.body.creators[1]?.live).toBeNull();
    expect(typeof res.body.creators[1]?.followedAt).toBe("string");
  });
});

describe("GET /api/creators/:id", () => {
  it("shows followers, totals that match the ledger's meter events, the live stream and past streams", async () => {
    const tag = word();
    const { session: creator, userId: creatorId } = await newCreator(`Profiled ${tag}`);
    const older = await newStream(creator, `Past one ${tag}`);
    const newer = await newStream(creator, `Past two ${tag}`);
    await newStream(creator, `Never started ${tag}`);
    const live = await newStream(creator, `Live now ${tag}`);
    await setStream(older, { status: "ENDED", startedAt: new Date(Date.now() - 7_200_000) });
    await setStream(newer, { status: "ENDED", startedAt: new Date(Date.now() - 3_600_000) });
    await markStreamLive(live);

    // Real metered watching: one booked interval on the live stream.
    const interval = meterIntervalMs();
    const { session: viewer } = await viewerWithCredits("profile-viewer", "50");
    const started = await viewer.call<{ sessionId: string }>(`/api/streams/${live}/session`, { method: "POST" });
    expect(started.status).toBe(201);
    await sleep(interval);
    const tick = await viewer.call("/api/meter", {
      method: "POST",
      body: { streamId: live, sessionId: started.body.sessionId, intervalIndex: 0, playbackMs: interval },
    });
    expect(tick.status).toBe(200);

    expect((await follow(viewer, creatorId)).status).toBe(200);
    const { session: fan } = await signUpVerified("fan");
    expect((await follow(fan, creatorId)).status).toBe(200);

    const booked = await withFixtureDb(async (db) => {
      const [row] = await db
        .select({ ms: sum(meterEvents.playbackMs) })
        .from(meterEvents)
        .where(inArray(meterEvents.streamId, [older, newer, live]));
      return Number(row?.ms ?? 0);
    });
    expect(booked).toBe(interval);

    const res = await call<CreatorProfileDto>(`/api/creators/${creatorId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    expect(res.body.creator).toEqual({
      id: creatorId,
      displayName: `Profiled ${tag}`,
      avatarUrl: null,
      bio: null,
      followerCount: 2,
      totalStreams: 3,
      totalWatchSeconds: Math.floor(booked / 1000),
      following: null,
    });
    expect(res.body.liveStream?.id).toBe(live);
    expect(res.body.pastStreams.streams.map((s) => s.id)).toEqual([newer, older]);
    expect(res.body.pastStreams.nextCursor).toBeNull();

    const asFan = await fan.call<CreatorProfileDto>(`/api/creators/${creatorId}`);
    expect(asFan.body.creator.following).toBe(true);
    expect(asFan.headers.get("cache-control")).toBe("private, no-store");
  });

  it("is 404 for someone who is not a creator and 400 for a bad id", async () => {
    const { userId } = await signUpVerified("plain");
    const notCreator = await call<ApiErrorBody>(`/api/creators/${userId}`);
    expect(notCreator.status).toBe(404);
    expect(notCreator.body.error.code).toBe("NOT_FOUND");
    const bad = await call<ApiErrorBody>("/api/creators/nope");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });
});
