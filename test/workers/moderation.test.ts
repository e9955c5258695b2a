import { env } from "cloudflare:test";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  AppealDto,
  BanList,
  MyModerationAction,
  ReportDetail,
  ReportQueue,
  ReviewResult,
} from "../../contracts/moderation.ts";
import { moderationActions, reports } from "../../worker/moderation/moderation.schema.ts";
import { notifications } from "../../worker/notifications/notifications.schema.ts";
import { auditLogs } from "../../worker/platform/audit/audit.schema.ts";
import { joinChat, chatToken } from "./support/chat.ts";
import { call } from "./support/http.ts";
import { adminSession, createStream, markStreamLive, viewerWithCredits, withFixtureDb } from "./support/live.ts";
import { DEMO_PASSWORD, Session, signUpVerified } from "./support/session.ts";

const chatObject = (streamId: string) => env.STREAM_CHAT.get(env.STREAM_CHAT.idFromName(streamId));

type Viewer = { session: Session; userId: string };

let creator: Session;
let moderator: Session;
let admin: Session;
let streamId: string;
let startedAt: string;
let creatorUserId: string;
let moderatorUserId: string;

/** Sends `text` as the viewer and returns the message id once it is written to Postgres. */
async function say(viewer: Viewer, text: string, stream = streamId): Promise<string> {
  const { client } = await joinChat(viewer.session, stream);
  client.send(text);
  const ack = await client.next("ack");
  client.close();
  await chatObject(stream).flush();
  return ack.messageId;
}

async function report(viewer: Viewer, targetType: string, targetId: string, reason = "SPAM") {
  return viewer.session.call<{ id: string; created: boolean }>("/api/reports", {
    method: "POST",
    body: { targetType, targetId, reason },
  });
}

const queue = (query: string, as: Session = moderator) =>
  as.call<ReportQueue>(
    `/api/reports/list?from=${encodeURIComponent(startedAt)}&${query}${query.includes("limit=") ? "" : "&limit=100"}`,
  );

async function notificationsOf(userId: string) {
  return withFixtureDb((db) =>
    db
      .select({ title: notifications.title, body: notifications.body, type: notifications.type })
      .from(notifications)
      .where(eq(notifications.userId, userId)),
  );
}

beforeAll(async () => {
  startedAt = new Date(Date.now() - 1000).toISOString();
  creator = new Session();
  const creatorLogin = await creator.login("creator1@tollgate.test");
  if (creatorLogin.status !== 200) throw new Error(`creator login ${creatorLogin.status}`);
  creatorUserId = creatorLogin.body.user.id;
  admin = await adminSession();
  moderator = new Session();
  const login = await moderator.login("moderator@tollgate.test", DEMO_PASSWORD);
  if (login.status !== 200) throw new Error(`moderator login ${login.status}`);
  moderatorUserId = login.body.user.id;
  const stream = await createStream(creator, "Moderation stream");
  streamId = stream.id;
  await markStreamLive(streamId);
});

describe("guards", () => {
  it("answers guests 401, viewers and creators 403, and bad input 400 on every moderation endpoint", async () => {
    const viewer = await signUpVerified("mod-guard");
    const id = crypto.randomUUID();
    const staffOnly: [string, string, unknown?][] = [
      ["GET", "/api/reports/list"],
      ["GET", `/api/reports/${id}`],
      ["PATCH", `/api/reports/${id}/review`, { action: "REJECT" }],
      ["GET", "/api/moderation/bans"],
      ["PATCH", `/api/moderation/bans/${id}`, { extendBySeconds: 3600 }],
      ["DELETE", `/api/moderation/bans/${id}`],
      ["GET", "/api/appeals"],
      ["PATCH", `/api/appeals/${id}`, { decision: "UPHOLD" }],
    ];
    for (const [method, path, body] of staffOnly) {
      const init = { method, ...(body === undefined ? {} : { body }) };
      expect((await call(path, init)).status, `${method} ${path} guest`).toBe(401);
      expect((await viewer.session.call(path, init)).status, `${method} ${path} viewer`).toBe(403);
      expect((await creator.call(path, init)).status, `${method} ${path} creator`).toBe(403);
    }
    // Lifting a ban is the admin's.
    expect((await moderator.call(`/api/moderation/bans/${id}`, { method: "DELETE" })).status).toBe(403);
    // Auto-mod settings and their preview are the admin's.
    const preview = {
      text: "hi",
      settings: { profanity: "mask", spamBlocking: true, linkBlocking: true, allowedDomains: [], customWords: [] },
    };
    expect((await call("/api/admin/chat-settings/preview", { method: "POST", body: preview })).status).toBe(401);
    expect((await moderator.call("/api/admin/chat-settings/preview", { method: "POST", body: preview })).status).toBe(
      403,
    );
    // Signed-in only.
    expect((await call("/api/moderation/my-actions")).status).toBe(401);
    expect(
      (await call("/api/appeals", { method: "POST", body: { moderationActionId: id, message: "x" } })).status,
    ).toBe(401);

    const bad: [string, string, unknown?][] = [
      ["GET", "/api/reports/list?status=OPENISH"],
      ["GET", "/api/reports/list?limit=0"],
      ["GET", "/api/reports/list?from=2026-02-01&to=2026-01-01"],
      ["GET", "/api/reports/not-a-uuid"],
      ["PATCH", `/api/reports/${id}/review`, { action: "MAYBE" }],
      ["PATCH", `/api/reports/${id}/review`, { action: "REJECT", moderationAction: { type: "BAN" } }],
      [
        "PATCH",
        `/api/reports/${id}/review`,
        { action: "APPROVE", moderationAction: { type: "WARN", durationSeconds: 600 } },
      ],
      ["GET", "/api/moderation/bans?scope=galaxy"],
      ["PATCH", `/api/moderation/bans/${id}`, {}],
      ["PATCH", `/api/moderation/bans/${id}`, { extendBySeconds: 5 }],
      ["GET", "/api/appeals?status=SOMETIMES"],
      ["PATCH", `/api/appeals/${id}`, { decision: "MAYBE" }],
    ];
    for (const [method, path, body] of bad) {
      const res = await moderator.call<{ error: { code: string } }>(path, {
        method,
        ...(body === undefined ? {} : { body }),
      });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    const longAppeal = await viewer.session.call("/api/appeals", {
      method: "POST",
      body: { moderationActionId: id, message: "x".repeat(1001) },
    });
    expect(longAppeal.status).toBe(400);
    expect((await moderator.call(`/api/reports/${id}`)).status).toBe(404);
    expect(
      (await moderator.call(`/api/reports/${id}/review`, { method: "PATCH", body: { action: "REJECT" } })).status,
    ).toBe(404);
  });
});

describe("the queue", () => {
  let authorA: Viewer;
  let authorB: Viewer;
  let reporters: Viewer[];
  let messageA: string;
  let messageB: string;

  beforeAll(async () => {
    authorA = await viewerWithCredits("mod-author-a", "20.000");
    authorB = await viewerWithCredits("mod-author-b", "20.000");
    reporters = [
      await viewerWithCredits("mod-rep-1", "5.000"),
      await viewerWithCredits("mod-rep-2", "5.000"),
      await viewerWithCredits("mod-rep-3", "5.000"),
    ];
    messageA = await say(authorA, "buy cheap followers now");
    messageB = await say(authorB, "you are all terrible");
    // B has two past warnings: a repeat offender.
    for (const reason of ["rude", "rude again"]) {
      const warned = await moderator.call(`/api/streams/${streamId}/moderate`, {
        method: "POST",
        body: { action: "warn", targetUserId: authorB.userId, reason },
      });
      expect(warned.status).toBe(201);
    }
    for (const r of reporters) expect((await report(r, "MESSAGE", messageA)).status).toBe(201);
    // A second report by the same reporter merges into the first.
    expect((await report(reporters[0] as Viewer, "MESSAGE", messageA, "HARASSMENT")).status).toBe(200);
    expect((await report(reporters[0] as Viewer, "MESSAGE", messageB, "HARASSMENT")).status).toBe(201);
  });

  it("groups reports per target and orders by open reports plus weighted past violations", async () => {
    const res = await queue("status=PENDING&targetType=MESSAGE");
    expect(res.status).toBe(200);
    const a = res.body.items.find((i) => i.targetId === messageA);
    const b = res.body.items.find((i) => i.targetId === messageB);
    expect(a).toMatchObject({
      targetType: "MESSAGE",
      reports: 3,
      openReports: 3,
      pastViolations: 0,
      priority: 3,
      ownerId: authorA.userId,
      targetLabel: "buy cheap followers now",
      status: "PENDING",
    });
    expect(a?.reasons.sort()).toEqual(["HARASSMENT", "SPAM"]);
    // 1 open report + 2 past warnings × 2.
    expect(b).toMatchObject({ reports: 1, openReports: 1, pastViolations: 2, priority: 5, ownerId: authorB.userId });
    const order = res.body.items.map((i) => i.targetId);
    expect(order.indexOf(messageB)).toBeLessThan(order.indexOf(messageA));
    for (let i = 1; i < res.body.items.length; i++) {
      expect((res.body.items[i - 1]?.priority ?? 0) >= (res.body.items[i]?.priority ?? 0)).toBe(true);
    }
  });

  it("filters by reporter, type, status and date, and pages", async () => {
    const mine = await queue(`reporterId=${reporters[1]?.userId}`);
    expect(mine.body.items.map((i) => i.targetId)).toEqual([messageA]);
    expect(mine.body.items[0]).toMatchObject({ reports: 1 });
    expect((await queue("targetType=USER")).body.items.some((i) => i.targetId === messageA)).toBe(false);
    expect((await queue("status=REVIEWED")).body.items.some((i) => i.targetId === messageA)).toBe(false);
    const future = await moderator.call<ReportQueue>("/api/reports/list?from=2999-01-01");
    expect(future.body).toMatchObject({ items: [], total: 0 });
    const page1 = await queue(`reporterId=${reporters[0]?.userId}&limit=1&page=1`);
    const page2 = await queue(`reporterId=${reporters[0]?.userId}&limit=1&page=2`);
    expect(page1.body.total).toBe(2);
    expect(page1.body.items).toHaveLength(1);
    expect(page2.body.items).toHaveLength(1);
    expect(page1.body.items[0]?.targetId).not.toBe(page2.body.items[0]?.targetId);
  });

  it("shows a report in context: the message with its neighbours, stream, author, reporter and violations", async () => {
    const before = [];
    for (let i = 0; i < 6; i++) before.push(await say(reporters[0] as Viewer, `context before ${i}`));
    const target = await say(authorA, "the reported line");
    for (let i = 0; i < 6; i++) await say(reporters[1] as Viewer, `context after ${i}`);
    const filed = await report(reporters[2] as Viewer, "MESSAGE", target, "INAPPROPRIATE");
    const res = await moderator.call<ReportDetail>(`/api/reports/${filed.body.id}`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.target.message).toMatchObject({ id: target, text: "the reported line", userId: authorA.userId });
    expect(d.target.before.map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((i) => `context before ${i}`));
    expect(d.target.after.map((m) => m.text)).toEqual([0, 1, 2, 3, 4].map((i) => `context after ${i}`));
    expect(d.target.stream).toMatchObject({ id: streamId, title: "Moderation stream", status: "LIVE" });
    expect(d.target.user).toMatchObject({ id: authorA.userId });
    expect(d.report).toMatchObject({ reporterId: reporters[2]?.userId, reason: "INAPPROPRIATE", status: "OPEN" });
    // The reporter's record: this report and the one on messageA.
    expect(d.reporterHistory.total).toBe(2);
    expect(d.reporterHistory.recent.map((r) => r.targetId)).toEqual([messageA]);

    const onB = (await queue("targetType=MESSAGE")).body.items.find((i) => i.targetId === messageB);
    const detailB = await moderator.call<ReportDetail>(`/api/reports/${onB?.reportId}`);
    expect(detailB.body.pastViolations.map((v) => v.action)).toEqual(["WARN", "WARN"]);
    expect(detailB.body.pastViolations.map((v) => v.reason)).toEqual(["rude again", "rude"]);
  });

  it("APPROVE with a ban: closes the author's chat with 4003, resolves every report on the target, tells the reporters and records it", async () => {
    const chat = await joinChat(authorA.session, streamId);
    const item = (await queue("targetType=MESSAGE")).body.items.find((i) => i.targetId === messageA);
    expect(item).toBeDefined();
    const res = await moderator.call<ReviewResult>(`/api/reports/${item?.reportId}/review`, {
      method: "PATCH",
      body: {
        action: "APPROVE",
        note: "selling followers",
        moderationAction: { type: "BAN", durationSeconds: 86_400, scope: "channel" },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "RESOLVED", resolvedReports: 3, notifiedReporters: 3 });
    expect(await chat.client.next("banned")).toMatchObject({ reason: "selling followers" });
    await expect.poll(() => chat.client.closed?.code, { timeout: 3_000 }).toBe(4003);
    expect((await chatToken(authorA.session, streamId)).body).toMatchObject({ canChat: false, reason: "BANNED" });

    const actionId = res.body.moderationActionId ?? "";
    await withFixtureDb(async (db) => {
      const rows = await db
        .select({ status: reports.status, actionId: reports.moderationActionId, note: reports.reviewNote })
        .from(reports)
        .where(and(eq(reports.targetType, "MESSAGE"), eq(reports.targetId, messageA)));
      expect(rows).toHaveLength(3);
      expect(
        rows.every((r) => r.status === "RESOLVED" && r.actionId === actionId && r.note === "selling followers"),
      ).toBe(true);
      const [action] = await db.select().from(moderationActions).where(eq(moderationActions.id, actionId));
      expect(action).toMatchObject({
        action: "BAN",
        targetType: "USER",
        targetId: authorA.userId,
        channelId: creatorUserId,
        subjectUserId: authorA.userId,
      });
      const expected = Date.now() + 86_400_000;
      expect(Math.abs((action?.expiresAt?.getTime() ?? 0) - expected)).toBeLessThan(60_000);
      const audits = await db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(inArray(auditLogs.targetId, [authorA.userId, item?.reportId ?? ""]));
      expect(audits.map((a) => a.action)).toEqual(
        expect.arrayContaining(["moderation.ban", "moderation.report_approved"]),
      );
    });
    for (const r of reporters) {
      const mine = await notificationsOf(r.userId);
      expect(
        mine.filter((n) => n.type === "REPORT_OUTCOME" && n.title === "Your report was reviewed").length,
      ).toBeGreaterThan(0);
    }
    // Banned in the channel: no watching either.
    const watch = await authorA.session.call<{ error: { code: string } }>(`/api/streams/${streamId}/session`, {
      method: "POST",
    });
    expect(watch.status).toBe(403);
    expect(watch.body.error.code).toBe("USER_BANNED");
    // Reviewed once only.
    const again = await moderator.call<{ error: { code: string } }>(`/api/reports/${item?.reportId}/review`, {
      method: "PATCH",
      body: { action: "REJECT" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("REPORT_ALREADY_REVIEWED");
    const reviewed = (await queue("status=REVIEWED")).body.items.find((i) => i.targetId === messageA);
    expect(reviewed).toMatchObject({ status: "REVIEWED", openReports: 0, reports: 3 });
  });

  it("REJECT dismisses the report, takes no action and tells the reporter", async () => {
    const item = (await queue("targetType=MESSAGE")).body.items.find((i) => i.targetId === messageB);
    const before = await withFixtureDb((db) =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(moderationActions)
        .where(eq(moderationActions.subjectUserId, authorB.userId)),
    );
    const res = await moderator.call<ReviewResult>(`/api/reports/${item?.reportId}/review`, {
      method: "PATCH",
      body: { action: "REJECT", note: "banter" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "DISMISSED", resolvedReports: 1, moderationActionId: null });
    const after = await withFixtureDb((db) =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(moderationActions)
        .where(eq(moderationActions.subjectUserId, authorB.userId)),
    );
    expect(after[0]?.n).toBe(before[0]?.n);
    const told = await notificationsOf(reporters[0]?.userId ?? "");
    expect(told.some((n) => n.body?.includes("found no rule broken"))).toBe(true);
    expect((await chatToken(authorB.session, streamId)).body).toMatchObject({ canChat: true });
  });

  it("APPROVE with delete hides the message; a moderator cannot act against staff", async () => {
    const line = await say(authorB, "delete this one");
    const filed = await report(reporters[1] as Viewer, "MESSAGE", line, "SPAM");
    const res = await moderator.call<ReviewResult>(`/api/reports/${filed.body.id}/review`, {
      method: "PATCH",
      body: { action: "APPROVE", moderationAction: { type: "DELETE" } },
    });
    expect(res.status).toBe(200);
    const history = await authorB.session.call<{ messages: { id: string }[] }>(`/api/streams/${streamId}/messages`);
    expect(history.body.messages.some((m) => m.id === line)).toBe(false);

    // The broadcaster's own line: not bannable in their own channel, only platform-wide.
    const own = await say({ session: creator, userId: creatorUserId }, "the creator speaks");
    const ownReport = await report(reporters[1] as Viewer, "MESSAGE", own, "HARASSMENT");
    const ownBan = await moderator.call<{ error: { code: string } }>(`/api/reports/${ownReport.body.id}/review`, {
      method: "PATCH",
      body: { action: "APPROVE", moderationAction: { type: "BAN", scope: "channel" } },
    });
    expect(ownBan.status).toBe(400);
    expect(ownBan.body.error.code).toBe("ACTION_NOT_APPLICABLE");

    const staffReport = await report(reporters[1] as Viewer, "USER", moderatorUserId, "HARASSMENT");
    const denied = await moderator.call<{ error: { code: string } }>(`/api/reports/${staffReport.body.id}/review`, {
      method: "PATCH",
      body: { action: "APPROVE", moderationAction: { type: "BAN", scope: "platform" } },
    });
    expect(denied.status).toBe(400); // the moderator is the subject: cannot moderate self
    expect(denied.body.error.code).toBe("CANNOT_MODERATE_SELF");
    const deleteUser = await moderator.call<{ error: { code: string } }>(`/api/reports/${staffReport.body.id}/review`, {
      method: "PATCH",
      body: { action: "APPROVE", moderationAction: { type: "DELETE" } },
    });
    expect(deleteUser.status).toBe(400);
    expect(deleteUser.body.error.code).toBe("ACTION_NOT_APPLICABLE");
  });
});

describe("takedown through a review", () => {
  it("takes a reported stream down, closes its reports, and keeps users out of it", async () => {
    const { id } = await createStream(creator, "Reported stream");
    await markStreamLive(id);
    const viewer = await viewerWithCredits("mod-stream-reporter", "5.000");
    const filed = await report(viewer, "STREAM", id, "INAPPROPRIATE");
    expect(filed.status).toBe(201);
    const res = await moderator.call<ReviewResult>(`/api/reports/${filed.body.id}/review`, {
      method: "PATCH",
      body: { action: "APPROVE", note: "nudity", moderationAction: { type: "TAKEDOWN" } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "RESOLVED", resolvedReports: 1 });
    expect(res.body.moderationActionId).not.toBeNull();
    const stream = await call<{ stream: { status: string } }>(`/api/streams/${id}`);
    expect(stream.body.stream.status).toBe("REMOVED");
    const token = await viewer.session.call<{ error: { code: string } }>(`/api/streams/${id}/chat/token`, {
      method: "POST",
    });
    expect(token.status).toBe(410);
    expect(token.body.error.code).toBe("STREAM_REMOVED");
    // A removed stream is not reported again.
    const again = await report(await signUpVerified("mod-late-reporter"), "STREAM", id);
    expect(again.status).toBe(410);
    // Only a stream (or a message's stream) can be taken down.
    const userReport = await report(viewer, "USER", creatorUserId, "HARASSMENT");
    const denied = await moderator.call<{ error: { code: string } }>(`/api/reports/${userReport.body.id}/review`, {
      method: "PATCH",
      body: { action: "APPROVE", moderationAction: { type: "TAKEDOWN" } },
    });
    expect(denied.status).toBe(400);
    expect(denied.body.error.code).toBe("ACTION_NOT_APPLICABLE");
  });
});

describe("emails to moderators", () => {
  it("sends one mail per reported target per hour, whatever the number of reports", { timeout: 60_000 }, async () => {
    const author = await viewerWithCredits("mod-mail-author", "5.000");
    const line = await say(author, "mail-worthy line");
    const first = await report(await signUpVerified("mod-mail-1"), "MESSAGE", line);
    const second = await report(await signUpVerified("mod-mail-2"), "MESSAGE", line);
    const outbox = await call<{ messages: { text: string }[] }>(
      `/api/dev/outbox?to=${encodeURIComponent("moderator@tollgate.test")}`,
    );
    const texts = outbox.body.messages.map((m) => m.text);
    expect(texts.filter((t) => t.includes(`/admin/moderation/${first.body.id}`))).toHaveLength(1);
    expect(texts.some((t) => t.includes(`/admin/moderation/${second.body.id}`))).toBe(false);
    const inApp = await notificationsOf(moderatorUserId);
    expect(inApp.filter((n) => n.title === "New report: message").length).toBeGreaterThanOrEqual(2);
  });
});

describe("bans and appeals", () => {
  let target: Viewer;
  let banId: string;

  beforeAll(async () => {
    target = await viewerWithCredits("mod-banned", "5.000");
    const res = await moderator.call<{ action: { id: string } }>(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "ban", targetUserId: target.userId, duration: 3600, reason: "flooding" },
    });
    expect(res.status).toBe(201);
    banId = res.body.action.id;
  });

  it("lists bans in force with who, by whom and until when, and extends one", async () => {
    const list = await moderator.call<BanList>("/api/moderation/bans?scope=channel&limit=100");
    expect(list.status).toBe(200);
    const ban = list.body.items.find((b) => b.actionId === banId);
    expect(ban).toMatchObject({
      userId: target.userId,
      reason: "flooding",
      scope: "channel",
      permanent: false,
      actorName: "Moderator",
    });
    expect(ban?.email).toMatch(/@example\.test$/);
    expect(
      (await moderator.call<BanList>("/api/moderation/bans?scope=platform&limit=100")).body.items.some(
        (b) => b.actionId === banId,
      ),
    ).toBe(false);

    const was = Date.parse(ban?.expiresAt ?? "");
    const extended = await moderator.call<{ expiresAt: string }>(`/api/moderation/bans/${banId}`, {
      method: "PATCH",
      body: { extendBySeconds: 7200 },
    });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.expiresAt) - was).toBe(7_200_000);
    const at = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const set = await moderator.call<{ expiresAt: string }>(`/api/moderation/bans/${banId}`, {
      method: "PATCH",
      body: { expiresAt: at },
    });
    expect(Date.parse(set.body.expiresAt)).toBe(Date.parse(at));
    expect(
      (
        await moderator.call(`/api/moderation/bans/${crypto.randomUUID()}`, {
          method: "PATCH",
          body: { extendBySeconds: 60 },
        })
      ).status,
    ).toBe(404);
  });

  it("takes one appeal per action; lifting it ends the ban and tells the user", async () => {
    const mine = await target.session.call<{ actions: MyModerationAction[] }>("/api/moderation/my-actions");
    expect(mine.status).toBe(200);
    expect(mine.body.actions.find((a) => a.id === banId)).toMatchObject({ action: "BAN", active: true, appeal: null });

    // Someone else cannot appeal it (it is not theirs: it reads as missing).
    const stranger = await signUpVerified("mod-stranger");
    expect(
      (
        await stranger.session.call("/api/appeals", {
          method: "POST",
          body: { moderationActionId: banId, message: "me?" },
        })
      ).status,
    ).toBe(404);

    const appeal = await target.session.call<{ id: string }>("/api/appeals", {
      method: "POST",
      body: { moderationActionId: banId, message: "I was sharing a link to my own stream" },
    });
    expect(appeal.status).toBe(201);
    const twice = await target.session.call<{ error: { code: string } }>("/api/appeals", {
      method: "POST",
      body: { moderationActionId: banId, message: "again" },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("APPEAL_EXISTS");
    const modNotes = await notificationsOf(moderatorUserId);
    expect(modNotes.some((n) => n.title === "New appeal")).toBe(true);

    const pending = await moderator.call<{ appeals: AppealDto[] }>("/api/appeals?status=PENDING");
    expect(pending.body.appeals.find((a) => a.id === appeal.body.id)).toMatchObject({
      userId: target.userId,
      status: "PENDING",
      action: { action: "BAN", reason: "flooding", scope: "channel" },
    });
    const lifted = await moderator.call<AppealDto>(`/api/appeals/${appeal.body.id}`, {
      method: "PATCH",
      body: { decision: "LIFT", note: "fair enough" },
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ status: "LIFTED", resolutionNote: "fair enough" });
    expect(lifted.body.action.revokedAt).not.toBeNull();
    const decidedTwice = await moderator.call(`/api/appeals/${appeal.body.id}`, {
      method: "PATCH",
      body: { decision: "UPHOLD" },
    });
    expect(decidedTwice.status).toBe(409);
    const told = await notificationsOf(target.userId);
    expect(told.some((n) => n.title.includes("appeal was granted"))).toBe(true);
    expect((await chatToken(target.session, streamId)).body).toMatchObject({ canChat: true });
    expect(
      (await moderator.call<BanList>("/api/moderation/bans?limit=100")).body.items.some((b) => b.actionId === banId),
    ).toBe(false);
  });

  it("UPHOLD keeps the action and tells the user", async () => {
    const muted = await moderator.call<{ action: { id: string } }>(`/api/streams/${streamId}/moderate`, {
      method: "POST",
      body: { action: "mute", targetUserId: target.userId, duration: 3600, reason: "caps" },
    });
    const appeal = await target.session.call<{ id: string }>("/api/appeals", {
      method: "POST",
      body: { moderationActionId: muted.body.action.id, message: "sorry" },
    });
    expect(appeal.status).toBe(201);
    const upheld = await moderator.call<AppealDto>(`/api/appeals/${appeal.body.id}`, {
      method: "PATCH",
      body: { decision: "UPHOLD", note: "an hour is fair" },
    });
    expect(upheld.body).toMatchObject({ status: "UPHELD", action: { revokedAt: null } });
    expect((await chatToken(target.session, streamId)).body).toMatchObject({ canChat: false, reason: "MUTED" });
    expect((await notificationsOf(target.userId)).some((n) => n.body?.includes("upheld the mute"))).toBe(true);
    const upheldList = await moderator.call<{ appeals: AppealDto[] }>("/api/appeals?status=UPHELD");
    expect(upheldList.body.appeals.some((a) => a.id === appeal.body.id)).toBe(true);
  });

  it("DELETE lifts every ban in force (admin only) and the chat lets the user back", async () => {
    const user = await viewerWithCredits("mod-unban", "5.000");
    for (const duration of [600, undefined]) {
      const res = await moderator.call(`/api/streams/${streamId}/moderate`, {
        method: "POST",
        body: { action: "ban", targetUserId: user.userId, reason: "x", ...(duration ? { duration } : {}) },
      });
      expect(res.status).toBe(201);
    }
    expect((await chatToken(user.session, streamId)).body).toMatchObject({ canChat: false, reason: "BANNED" });
    const lifted = await admin.call<{ lifted: string[] }>(`/api/moderation/bans/${user.userId}?reason=mistake`, {
      method: "DELETE",
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body.lifted).toHaveLength(2);
    expect((await chatToken(user.session, streamId)).body).toMatchObject({ canChat: true });
    await withFixtureDb(async (db) => {
      const rows = await db
        .select({ revokedAt: moderationActions.revokedAt, revokedById: moderationActions.revokedById })
        .from(moderationActions)
        .where(inArray(moderationActions.id, lifted.body.lifted));
      expect(rows.every((r) => r.revokedAt !== null && r.revokedById !== null)).toBe(true);
      const audits = await db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(and(eq(auditLogs.targetId, user.userId), eq(auditLogs.action, "moderation.ban_lifted")));
      expect(audits).toHaveLength(2);
    });
    // Nothing left to lift; an unknown user is 404.
    expect(
      (await admin.call<{ lifted: string[] }>(`/api/moderation/bans/${user.userId}`, { method: "DELETE" })).body.lifted,
    ).toEqual([]);
    expect((await admin.call(`/api/moderation/bans/${crypto.randomUUID()}`, { method: "DELETE" })).status).toBe(404);
    // An appeal needs an action in force.
    const ended = await user.session.call<{ error: { code: string } }>("/api/appeals", {
      method: "POST",
      body: { moderationActionId: lifted.body.lifted[0], message: "please" },
    });
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe("APPEAL_NOT_ALLOWED");
  });
});

describe("auto-mod preview", () => {
  it("shows what a sample message becomes under unsaved settings", async () => {
    const settings = {
      profanity: "mask",
      spamBlocking: true,
      linkBlocking: true,
      allowedDomains: ["example.com"],
      customWords: ["frobnicate"],
    };
    const blocked = await admin.call<{ ok: boolean; code?: string }>("/api/admin/chat-settings/preview", {
      method: "POST",
      body: { text: "please frobnicate now", settings },
    });
    expect(blocked.body).toMatchObject({ ok: false, code: "BLOCKED_WORD" });
    const link = await admin.call("/api/admin/chat-settings/preview", {
      method: "POST",
      body: { text: "see https://spam.test/x", settings },
    });
    expect(link.body).toMatchObject({ ok: false, code: "LINK_BLOCKED" });
    const allowed = await admin.call("/api/admin/chat-settings/preview", {
      method: "POST",
      body: { text: "see https://example.com/x", settings },
    });
    expect(allowed.body).toEqual({ ok: true, text: "see https://example.com/x" });
    const bad = await admin.call("/api/admin/chat-settings/preview", {
      method: "POST",
      body: { text: "x", settings: { ...settings, profanity: "loud" } },
    });
    expect(bad.status).toBe(400);
  });
});
