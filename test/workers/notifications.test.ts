import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF } from "cloudflare:test";
import { and, count, eq, like } from "drizzle-orm";
import { exportPKCS8, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import type { NotificationDto, NotificationFrame, NotificationPageDto } from "../../contracts/notifications.ts";
import { notificationFrameSchema, notificationPageSchema } from "../../contracts/notifications.ts";
import worker from "../../worker/index.ts";
import { follows } from "../../worker/follows/follows.schema.ts";
import { loadSigningKeys } from "../../worker/auth/index.ts";
import { createNotifications, runGoLiveFanOut, runNotificationJobs } from "../../worker/notifications/index.ts";
import { notificationPreferences, notifications } from "../../worker/notifications/notifications.schema.ts";
import { issueUnsubscribeToken } from "../../worker/notifications/unsubscribe-token.ts";
import { parseConfig } from "../../worker/platform/env.ts";
import { users } from "../../worker/users/users.schema.ts";
import { call, type ApiErrorBody } from "./support/http.ts";
import {
  createStream,
  freshCreator,
  markStreamLive,
  sleep,
  viewerWithCredits,
  watchIntervals,
  withFixtureDb,
} from "./support/live.ts";
import { type Session, signUpVerified } from "./support/session.ts";

const ORIGIN = "http://127.0.0.1:8787";

const jobKeys = () => {
  const config = parseConfig(env);
  return loadSigningKeys(config.JWT_PRIVATE_KEY, config.JWT_KEY_ID);
};

/** `n` bare accounts following the creator, inserted in bulk (the API would take minutes). */
async function addFollowers(creatorId: string, n: number, tag: string): Promise<string[]> {
  return withFixtureDb(async (db) => {
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: n }, (_, i) => ({
          email: `${tag}-${i}-${crypto.randomUUID().slice(0, 8)}@fanout.test`,
          passwordHash: "x",
        })),
      )
      .returning({ id: users.id });
    await db.insert(follows).values(rows.map((r) => ({ userId: r.id, creatorId })));
    return rows.map((r) => r.id);
  });
}

const liveRows = (streamId: string) =>
  withFixtureDb(async (db) => {
    const rows = await db
      .select({ userId: notifications.userId, n: count() })
      .from(notifications)
      .where(eq(notifications.dedupeKey, `live:${streamId}`))
      .groupBy(notifications.userId);
    return new Map(rows.map((r) => [r.userId, r.n]));
  });

const goLive = (creatorId: string, streamId: string) => ({
  kind: "stream_live" as const,
  streamId,
  creatorId,
  creatorName: "Fan-out Creator",
  title: "Fan-out test stream",
});

async function deliver(body: unknown, id = crypto.randomUUID()) {
  const batch = createMessageBatch("tollgate-notify", [{ id, timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  ctx.waitUntil(worker.queue(batch, env));
  return getQueueResult(batch, ctx);
}

async function outboxFor(to: string) {
  const res = await call<{ messages: { subject: string; text: string }[] }>(
    `/api/dev/outbox?to=${encodeURIComponent(to)}`,
  );
  return res.body.messages;
}

describe("go-live fan-out through the notify queue", () => {
  it("books one notification per follower, as each one's preferences say, and a redelivery books nothing", async () => {
    const creator = await freshCreator("fanout-creator");
    const followers = await addFollowers(creator.userId, 1200, "fan");
    const [optedOut, emailed] = followers as [string, string];
    const mailbox = await signUpVerified("fan-mail");
    await withFixtureDb(async (db) => {
      await db.insert(follows).values({ userId: mailbox.userId, creatorId: creator.userId });
      await db.insert(notificationPreferences).values([
        { userId: optedOut, preferences: { STREAM_LIVE: { inApp: false, email: false } } },
        { userId: emailed, preferences: { STREAM_LIVE: { inApp: false, email: true } } },
        { userId: mailbox.userId, preferences: { STREAM_LIVE: { inApp: true, email: true } } },
      ]);
    });
    const streamId = crypto.randomUUID();
    const message = goLive(creator.userId, streamId);

    const first = await deliver(message);
    expect(first.explicitAcks).toHaveLength(1);
    expect(first.retryMessages).toEqual([]);
    const booked = await liveRows(streamId);
    // Every follower but the one who turned the type off everywhere; each exactly once.
    expect(booked.size).toBe(1200);
    expect(booked.has(optedOut)).toBe(false);
    expect([...booked.values()].every((n) => n === 1)).toBe(true);

    const again = await deliver(message);
    expect(again.explicitAcks).toHaveLength(1);
    expect(await liveRows(streamId)).toEqual(booked);

    // In-app off but email on: a row the bell never shows; the email went out at once.
    const mail = await outboxFor(mailbox.email);
    expect(mail.filter((m) => m.subject === "Fan-out Creator is live")).toHaveLength(1);
    expect(mail[0]?.text).toContain(`/watch/${streamId}`);
    expect(mail[0]?.text).toMatch(/\/unsubscribe\?token=/);
    const emailedRow = await withFixtureDb(async (db) =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, emailed), eq(notifications.dedupeKey, `live:${streamId}`))),
    );
    expect(emailedRow[0]).toMatchObject({ inApp: false, emailPending: false });
  });

  it("hands the rest to a continuation when the time budget runs out, and the union is every follower once", async () => {
    const creator = await freshCreator("fanout-cont");
    const followers = await addFollowers(creator.userId, 700, "cont");
    const streamId = crypto.randomUUID();
    const continued: unknown[] = [];
    const report = await withFixtureDb((db) =>
      runGoLiveFanOut(
        db,
        { message: goLive(creator.userId, streamId), batchSize: 250, budgetMs: 0 },
        { enqueue: async (m) => void continued.push(m) },
      ),
    );
    expect(report).toMatchObject({ scanned: 250, booked: 250, batches: 1 });
    expect(continued).toHaveLength(1);
    expect((await liveRows(streamId)).size).toBe(250);
    // The continuation goes through the real consumer, which finishes within its budget.
    const result = await deliver(continued[0]);
    expect(result.explicitAcks).toHaveLength(1);
    const rows = await liveRows(streamId);
    expect(new Set(rows.keys())).toEqual(new Set(followers));
  });

  it("drops a malformed message instead of retrying it forever", async () => {
    const result = await deliver({ kind: "stream_live", streamId: "nope" });
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
  });
});

/** One insert each, so each gets its own created_at (now() is the transaction's time). */
async function seedNotifications(userId: string, n: number, tag: string) {
  await withFixtureDb(async (db) => {
    for (let i = 0; i < n; i++) {
      await createNotifications(db, [
        { userId, type: "SYSTEM", title: `${tag} ${i}`, link: "/dashboard", dedupeKey: `${tag}:${i}` },
      ]);
    }
  });
}

describe("the notifications API", () => {
  it("pages a user's own notifications newest first, filters read and unread, and counts unread", async () => {
    const { session, userId } = await signUpVerified("notif-list");
    await seedNotifications(userId, 5, "list");
    const page1 = await session.call<NotificationPageDto>("/api/notifications?limit=2");
    expect(page1.status).toBe(200);
    notificationPageSchema.parse(page1.body);
    expect(page1.body.notifications.map((n) => n.title)).toEqual(["list 4", "list 3"]);
    expect(page1.body.unreadCount).toBe(5);
    expect(page1.headers.get("cache-control")).toBe("no-store");
    const page2 = await session.call<NotificationPageDto>(
      `/api/notifications?limit=2&cursor=${page1.body.nextCursor ?? ""}`,
    );
    const page3 = await session.call<NotificationPageDto>(
      `/api/notifications?limit=2&cursor=${page2.body.nextCursor ?? ""}`,
    );
    expect([...page2.body.notifications, ...page3.body.notifications].map((n) => n.title)).toEqual([
      "list 2",
      "list 1",
      "list 0",
    ]);
    expect(page3.body.nextCursor).toBeNull();

    const target = page1.body.notifications[0] as NotificationDto;
    const read = await session.call<{ notification: NotificationDto }>(`/api/notifications/${target.id}/read`, {
      method: "PATCH",
    });
    expect(read.status).toBe(200);
    expect(read.body.notification).toMatchObject({ id: target.id, read: true });
    const unread = await session.call<NotificationPageDto>("/api/notifications?read=false");
    expect(unread.body.notifications.map((n) => n.id)).not.toContain(target.id);
    expect(unread.body.unreadCount).toBe(4);
    const onlyRead = await session.call<NotificationPageDto>("/api/notifications?read=true");
    expect(onlyRead.body.notifications.map((n) => n.id)).toEqual([target.id]);

    const all = await session.call<{ updated: number }>("/api/notifications/read-all", { method: "POST" });
    expect(all.body).toEqual({ updated: 4 });
    expect((await session.call<{ unreadCount: number }>("/api/notifications/unread-count")).body.unreadCount).toBe(0);

    const bulk = await session.call<{ updated: number }>("/api/notifications/read", {
      method: "POST",
      body: { ids: [target.id], read: false },
    });
    expect(bulk.body).toEqual({ updated: 1 });
    expect((await session.call<{ unreadCount: number }>("/api/notifications/unread-count")).body.unreadCount).toBe(1);
  });

  it("never shows or marks another user's notification, and rejects bad input with a JSON error", async () => {
    const owner = await signUpVerified("notif-owner");
    const other = await signUpVerified("notif-other");
    await seedNotifications(owner.userId, 1, "own");
    const mine = await owner.session.call<NotificationPageDto>("/api/notifications");
    const id = mine.body.notifications[0]?.id ?? "";
    const theirs = await other.session.call<ApiErrorBody>(`/api/notifications/${id}/read`, { method: "PATCH" });
    expect(theirs.status).toBe(404);
    expect((await other.session.call<NotificationPageDto>("/api/notifications")).body.notifications).toEqual([]);
    const untouched = await owner.session.call<NotificationPageDto>("/api/notifications");
    expect(untouched.body.notifications[0]?.read).toBe(false);

    const cases: [string, Parameters<Session["call"]>[1], number, string][] = [
      ["/api/notifications/not-a-uuid/read", { method: "PATCH" }, 400, "VALIDATION_FAILED"],
      ["/api/notifications?limit=500", {}, 400, "VALIDATION_FAILED"],
      ["/api/notifications?read=maybe", {}, 400, "VALIDATION_FAILED"],
      ["/api/notifications?cursor=%7Bbad", {}, 400, "INVALID_CURSOR"],
      ["/api/notifications/read", { method: "POST", body: { ids: [] } }, 400, "VALIDATION_FAILED"],
      ["/api/notifications/preferences", { method: "PUT", body: {} }, 400, "VALIDATION_FAILED"],
      [
        "/api/notifications/preferences",
        { method: "PUT", body: { emailFrequency: "hourly" } },
        400,
        "VALIDATION_FAILED",
      ],
      [
        "/api/notifications/preferences",
        { method: "PUT", body: { types: { NOPE: { inApp: true, email: true } } } },
        400,
        "VALIDATION_FAILED",
      ],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await owner.session.call<ApiErrorBody>(path, init);
      expect([path, res.status, res.body.error?.code]).toEqual([path, status, code]);
    }
    for (const path of ["/api/notifications", "/api/notifications/unread-count", "/api/notifications/preferences"]) {
      const guest = await call<ApiErrorBody>(path);
      expect([path, guest.status]).toEqual([path, 401]);
    }
  });

  it("keeps preferences per type over the defaults", async () => {
    const { session } = await signUpVerified("notif-prefs");
    const defaults = await session.call<{
      types: Record<string, { inApp: boolean; email: boolean }>;
      emailFrequency: string;
    }>("/api/notifications/preferences");
    expect(defaults.body.types.STREAM_LIVE).toEqual({ inApp: true, email: false });
    expect(defaults.body.types.PAYMENT_SUCCESS).toEqual({ inApp: true, email: true });
    expect(defaults.body.emailFrequency).toBe("instant");
    await session.call("/api/notifications/preferences", {
      method: "PUT",
      body: { types: { STREAM_LIVE: { inApp: true, email: true } } },
    });
    const after = await session.call<typeof defaults.body>("/api/notifications/preferences", {
      method: "PUT",
      body: { types: { FOLLOW: { inApp: false, email: false } }, emailFrequency: "daily" },
    });
    expect(after.body.types.STREAM_LIVE).toEqual({ inApp: true, email: true });
    expect(after.body.types.FOLLOW).toEqual({ inApp: false, email: false });
    expect(after.body.types.PAYMENT_SUCCESS).toEqual({ inApp: true, email: true });
    expect(after.body.emailFrequency).toBe("daily");
  });
});

describe("triggers", () => {
  it("tells a creator about a new follower once, even after an unfollow and a follow again", async () => {
    const creator = await freshCreator("notif-followed");
    const fan = await signUpVerified("notif-fan");
    for (const method of ["POST", "DELETE", "POST", "POST"]) {
      const res = await fan.session.call(`/api/creators/${creator.userId}/follow`, { method });
      expect(res.status).toBe(200);
    }
    const list = await creator.session.call<NotificationPageDto>("/api/notifications");
    const follows = list.body.notifications.filter((n) => n.type === "FOLLOW");
    expect(follows).toHaveLength(1);
    expect(follows[0]?.metadata).toEqual({ followerId: fan.userId });
  });

  it("warns of a low balance once per crossing, not on every tick below the line", async () => {
    const creator = await freshCreator("notif-lowbal");
    const stream = await createStream(creator.session, "Low balance stream");
    await markStreamLive(stream.id);
    // 50.100 credits: the first paid interval crosses below 50, the next ones stay below.
    const viewer = await viewerWithCredits("notif-lowbal-viewer", "50.100");
    await watchIntervals(viewer.session, stream.id, 3);
    const list = await viewer.session.call<NotificationPageDto>("/api/notifications");
    const low = list.body.notifications.filter((n) => n.type === "LOW_BALANCE");
    expect(low).toHaveLength(1);
    expect(low[0]?.link).toBe("/dashboard/credits");
    expect(Number(low[0]?.metadata.balance)).toBeLessThan(50_000);
  });
});

describe("emails", () => {
  it("sends a day's owed emails as one digest, once, with an unsubscribe link that works without signing in", async () => {
    const { session, userId, email } = await signUpVerified("notif-digest");
    await session.call("/api/notifications/preferences", {
      method: "PUT",
      body: { types: { SYSTEM: { inApp: true, email: true } }, emailFrequency: "daily" },
    });
    await seedNotifications(userId, 3, "digest");
    const config = parseConfig(env);
    // The per-minute job leaves a daily user's emails for the digest.
    await withFixtureDb(async (db) => runNotificationJobs(db, config, {}, await jobKeys()));
    expect((await outboxFor(email)).filter((m) => m.subject.includes("digest"))).toHaveLength(0);
    await withFixtureDb(async (db) => runNotificationJobs(db, config, { digests: true }, await jobKeys()));
    await withFixtureDb(async (db) => runNotificationJobs(db, config, { digests: true }, await jobKeys()));
    const digests = (await outboxFor(email)).filter((m) => m.subject.includes("digest"));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe("Your Tollgate daily digest: 3 updates");
    for (const i of [0, 1, 2]) expect(digests[0]?.text).toContain(`digest ${i}`);

    const link = /http\S+\/unsubscribe\?token=(\S+)/.exec(digests[0]?.text ?? "");
    const token = decodeURIComponent(link?.[1] ?? "");
    expect(token).not.toBe("");
    // A token altered by one character, or signed by another key, turns nothing off.
    const forgedKey = await generateKeyPair("RS256", { extractable: true });
    const foreign = await issueUnsubscribeToken(
      await loadSigningKeys(await exportPKCS8(forgedKey.privateKey), "forged"),
      { userId, type: "ALL" },
    );
    for (const bad of [`${token.slice(0, -2)}xx`, foreign]) {
      const res = await call<ApiErrorBody>("/api/notifications/unsubscribe", { method: "POST", body: { token: bad } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("UNSUBSCRIBE_TOKEN_INVALID");
    }
    const stillOn = await session.call<{ types: Record<string, { email: boolean }> }>("/api/notifications/preferences");
    expect(stillOn.body.types.SYSTEM?.email).toBe(true);

    const ok = await call<{ scope: string }>("/api/notifications/unsubscribe", { method: "POST", body: { token } });
    expect(ok.status).toBe(200);
    expect(ok.body.scope).toBe("ALL");
    const off = await session.call<{ types: Record<string, { inApp: boolean; email: boolean }> }>(
      "/api/notifications/preferences",
    );
    expect(Object.values(off.body.types).every((t) => !t.email)).toBe(true);
    expect(off.body.types.SYSTEM?.inApp).toBe(true);
  });

  it("sends instant emails the sweep finds once, and never twice", async () => {
    const { session, userId, email } = await signUpVerified("notif-instant");
    await session.call("/api/notifications/preferences", {
      method: "PUT",
      body: { types: { SYSTEM: { inApp: true, email: true } } },
    });
    await seedNotifications(userId, 2, "instant");
    const config = parseConfig(env);
    await withFixtureDb(async (db) => runNotificationJobs(db, config, {}, await jobKeys()));
    await withFixtureDb(async (db) => runNotificationJobs(db, config, {}, await jobKeys()));
    const mails = (await outboxFor(email)).filter((m) => m.subject.startsWith("instant"));
    expect(mails.map((m) => m.subject).sort()).toEqual(["instant 0", "instant 1"]);
    const pending = await withFixtureDb(async (db) => {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            eq(notifications.emailPending, true),
            like(notifications.title, "instant%"),
          ),
        );
      return row?.n;
    });
    expect(pending).toBe(0);
  });
});

describe("the live feed", () => {
  async function openFeed(session: Session, origin = ORIGIN) {
    return SELF.fetch(`${ORIGIN}/api/notifications/socket`, {
      headers: { upgrade: "websocket", origin, cookie: session.cookieHeader() ?? "" },
    });
  }

  it("pushes a new notification to an open tab within two seconds", async () => {
    const { session, userId } = await signUpVerified("notif-live");
    const res = await openFeed(session);
    expect(res.status).toBe(101);
    const ws = res.webSocket;
    if (!ws) throw new Error("no socket");
    const frames: NotificationFrame[] = [];
    ws.addEventListener("message", (e) => {
      frames.push(notificationFrameSchema.parse(JSON.parse(String(e.data))));
    });
    ws.accept();
    await expect.poll(() => frames[0]).toEqual({ type: "unread", unreadCount: 0 });
    const booked = Date.now();
    await seedNotifications(userId, 1, "pushed");
    await expect
      .poll(() => frames.find((f) => f.type === "notifications"), { timeout: 4000, interval: 50 })
      .toMatchObject({ type: "notifications", unreadCount: 1, notifications: [{ title: "pushed 0" }] });
    expect(Date.now() - booked).toBeLessThan(2500);
    ws.close(1000, "done");
    await sleep(10);
  });

  it("refuses guests and pages of another origin", async () => {
    const guest = await SELF.fetch(`${ORIGIN}/api/notifications/socket`, {
      headers: { upgrade: "websocket", origin: ORIGIN },
    });
    expect(guest.status).toBe(401);
    const { session } = await signUpVerified("notif-cswsh");
    const foreign = await openFeed(session, "https://evil.example");
    expect(foreign.status).toBe(403);
    const notUpgrade = await session.call<ApiErrorBody>("/api/notifications/socket");
    expect(notUpgrade.status).toBe(426);
  });
});
