import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AdminOverview } from "../../contracts/overview.ts";
import type { AuditLogPage } from "../../contracts/audit.ts";
import { checkLedgerInvariants } from "../../worker/wallet/index.ts";
import { type ApiErrorBody } from "./support/http.ts";
import { adminSession, createStream, freshCreator, markStreamLive, sleep, withFixtureDb } from "./support/live.ts";
import { Session, signUpVerified } from "./support/session.ts";

interface UserList {
  users: {
    user: { id: string; email: string; role: string; status: string };
    displayName: string | null;
    balance: string;
  }[];
  total: number;
  page: number;
  limit: number;
}

const PASSWORD = "a-strong-passphrase-42";

/** Several fresh users sharing one search tag, so a search finds exactly them. */
async function taggedUsers(count: number) {
  const tag = `adm${crypto.randomUUID().slice(0, 8)}`;
  const users: { session: Session; email: string; userId: string }[] = [];
  for (let i = 0; i < count; i++) users.push(await signUpVerified(`${tag}-${i}`));
  return { tag, users };
}

async function adjust(admin: Session, userId: string, amount: string) {
  const res = await admin.call(`/api/admin/users/${userId}`, {
    method: "PATCH",
    body: { walletAdjustment: { amount, reason: "admin console test" } },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
  expect(res.status).toBe(200);
}

type FixtureDb = Parameters<Parameters<typeof withFixtureDb>[0]>[0];

/** The first row of a raw query, its columns as the driver gave them. */
async function firstRow(db: FixtureDb, query: ReturnType<typeof sql>): Promise<Record<string, unknown>> {
  const result: unknown = await db.execute(query);
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    const [row] = result.rows as unknown[];
    if (typeof row === "object" && row !== null) return { ...row };
  }
  throw new Error("no row");
}

/** What the overview should say, read with plain SQL bounded by the overview's own clock. */
async function expectedOverview(generatedAt: string) {
  return withFixtureDb(async (db) => {
    const at = generatedAt;
    const one = (query: ReturnType<typeof sql>) => firstRow(db, query);
    const users = await one(sql`
      select count(*) filter (where status <> 'DELETED') as total,
             count(*) filter (where status <> 'DELETED'
               and created_at >= date_trunc('day', ${at}::timestamptz at time zone 'UTC') at time zone 'UTC'
               and created_at < ${at}::timestamptz) as today,
             count(*) filter (where status <> 'DELETED'
               and created_at >= (date_trunc('day', ${at}::timestamptz at time zone 'UTC') - interval '1 day') at time zone 'UTC'
               and created_at < ${at}::timestamptz - interval '1 day') as yesterday
      from "user"`);
    const live = await one(sql`
      select count(*) as streams, coalesce(sum(viewer_count), 0) as viewers
      from stream where status = 'LIVE' and deleted_at is null`);
    const revenue = await one(sql`
      select coalesce(sum(e.amount) filter (where e.created_at >= date_trunc('day', ${at}::timestamptz at time zone 'UTC') at time zone 'UTC'), 0) as today,
             coalesce(sum(e.amount) filter (where e.created_at >= (date_trunc('day', ${at}::timestamptz at time zone 'UTC') - interval '1 day') at time zone 'UTC'
               and e.created_at < ${at}::timestamptz - interval '1 day'), 0) as yesterday,
             coalesce(sum(e.amount) filter (where e.created_at >= date_trunc('month', ${at}::timestamptz at time zone 'UTC') at time zone 'UTC'), 0) as month
      from ledger_entry e join wallet w on w.id = e.wallet_id
      where w.kind = 'PLATFORM_REVENUE' and e.amount > 0 and e.created_at < ${at}::timestamptz`);
    return {
      users: { total: Number(users.total), newToday: Number(users.today), newYesterday: Number(users.yesterday) },
      live: { streams: Number(live.streams), viewers: Number(live.viewers) },
      revenue: { today: String(revenue.today), yesterday: String(revenue.yesterday), month: String(revenue.month) },
    };
  });
}

describe("GET /api/admin/overview", () => {
  it("equals independent SQL counts and sums over the fixture rows", async () => {
    const admin = await adminSession();
    // Fixtures: a new user, revenue taken back from them (credits platform revenue), a live stream with viewers.
    const { userId } = await signUpVerified("overview");
    await adjust(admin, userId, "10.000");
    await adjust(admin, userId, "-4.250");
    const creator = await freshCreator("overview-creator");
    const stream = await createStream(creator.session, "Overview stream");
    await markStreamLive(stream.id);
    await withFixtureDb((db) => db.execute(sql`update stream set viewer_count = 7 where id = ${stream.id}`));

    // Other test files write meanwhile: compare until one read of the API and SQL agree.
    let last: { api: AdminOverview; sql: Awaited<ReturnType<typeof expectedOverview>> } | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await admin.call<AdminOverview>("/api/admin/overview");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const expected = await expectedOverview(res.body.generatedAt);
      last = { api: res.body, sql: expected };
      const api = res.body;
      if (
        api.users.total === expected.users.total &&
        api.live.streams === expected.live.streams &&
        api.live.viewers === expected.live.viewers
      ) {
        break;
      }
      await sleep(200);
    }
    if (!last) throw new Error("no attempt");
    const { api, sql: expected } = last;
    expect(api.users.total).toBe(expected.users.total);
    expect(api.users.newToday).toBe(expected.users.newToday);
    expect(api.live).toEqual(expected.live);
    expect(api.live.streams).toBeGreaterThanOrEqual(1);
    expect(api.live.viewers).toBeGreaterThanOrEqual(7);
    // Revenue up to generatedAt cannot change afterwards: exact.
    expect(api.revenue.today.millicredits).toBe(expected.revenue.today);
    expect(api.revenue.today.previousMillicredits).toBe(expected.revenue.yesterday);
    expect(api.revenue.month.millicredits).toBe(expected.revenue.month);
    expect(BigInt(api.revenue.today.millicredits)).toBeGreaterThanOrEqual(4_250n);
    // The percent matches the bigints it came from.
    const today = BigInt(expected.revenue.today);
    const yesterday = BigInt(expected.revenue.yesterday);
    if (yesterday > 0n) {
      const tenths =
        ((today - yesterday) * 1000n * 2n + (today >= yesterday ? yesterday : -yesterday)) / (yesterday * 2n);
      expect(Number(api.revenue.today.change.percent)).toBeCloseTo(Number(tenths) / 10, 5);
    } else {
      expect(api.revenue.today.change).toEqual({ percent: null, trend: "up" });
    }
    // The feed holds the adjustments' audit rows and the new account, newest first.
    expect(api.activity.some((item) => item.kind === "signup" && item.id === userId)).toBe(true);
    const times = api.activity.map((item) => Date.parse(item.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("/api/admin/users", () => {
  it("filters by search, role and status, sorts and pages with a total, and exports CSV", async () => {
    const admin = await adminSession();
    const { tag, users } = await taggedUsers(3);
    const [a, b, c] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    expect(
      (await admin.call(`/api/admin/users/${b.userId}`, { method: "PATCH", body: { role: "CREATOR" } })).status,
    ).toBe(200);
    expect(
      (await admin.call(`/api/admin/users/${c.userId}`, { method: "PATCH", body: { status: "SUSPENDED" } })).status,
    ).toBe(200);

    const all = await admin.call<UserList>(`/api/admin/users?search=${tag}&sort=email&dir=asc`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.users.map((u) => u.user.email)).toEqual([a.email, b.email, c.email].sort());
    const desc = await admin.call<UserList>(`/api/admin/users?search=${tag}&sort=email&dir=desc`);
    expect(desc.body.users.map((u) => u.user.email)).toEqual([a.email, b.email, c.email].sort().reverse());

    const creators = await admin.call<UserList>(`/api/admin/users?search=${tag}&role=CREATOR`);
    expect(creators.body.users.map((u) => u.user.id)).toEqual([b.userId]);
    expect(creators.body.total).toBe(1);
    const suspended = await admin.call<UserList>(`/api/admin/users?search=${tag}&status=SUSPENDED`);
    expect(suspended.body.users.map((u) => u.user.id)).toEqual([c.userId]);
    const viewersActive = await admin.call<UserList>(`/api/admin/users?search=${tag}&role=VIEWER&status=ACTIVE`);
    expect(viewersActive.body.users.map((u) => u.user.id)).toEqual([a.userId]);

    const page1 = await admin.call<UserList>(`/api/admin/users?search=${tag}&sort=created&dir=asc&limit=2&page=1`);
    const page2 = await admin.call<UserList>(`/api/admin/users?search=${tag}&sort=created&dir=asc&limit=2&page=2`);
    expect(page1.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(page1.body.users.map((u) => u.user.id)).toEqual([a.userId, b.userId]);
    expect(page2.body.users.map((u) => u.user.id)).toEqual([c.userId]);
    const byRole = await admin.call<UserList>(`/api/admin/users?search=${tag}&sort=role&dir=asc`);
    expect(byRole.body.users.map((u) => u.user.role)).toEqual(["VIEWER", "VIEWER", "CREATOR"]);
    const byStatus = await admin.call<UserList>(`/api/admin/users?search=${tag}&sort=status&dir=desc`);
    expect(byStatus.body.users[0]?.user.status).toBe("SUSPENDED");
    // The email-prefix search the older page used still works.
    const prefix = await admin.call<UserList>(`/api/admin/users?email=${encodeURIComponent(a.email)}`);
    expect(prefix.body.users.map((u) => u.user.id)).toEqual([a.userId]);

    const csv = await admin.call<string>(`/api/admin/users/users.csv?search=${tag}&sort=email&dir=asc`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="tollgate-users-/);
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe("id,email,display_name,role,status,email_verified,created_at,balance");
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(
      [a.email, b.email, c.email].sort().map((e) => `"${e}"`),
    );

    for (const bad of ["role=KING", "status=GONE", "sort=password", "dir=up", "page=0", "limit=101", "limit=abc"]) {
      const res = await admin.call<ApiErrorBody>(`/api/admin/users?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("suspends and reactivates in bulk, audited, and a suspended user can neither log in nor use a session", async () => {
    const admin = await adminSession();
    const { users } = await taggedUsers(2);
    const ids = users.map((u) => u.userId);
    const suspend = await admin.call<{ updated: string[]; skipped: string[] }>("/api/admin/users/bulk", {
      method: "POST",
      body: { action: "suspend", userIds: ids, reason: "bulk test" },
    });
    expect(suspend.status).toBe(200);
    expect([...suspend.body.updated].sort()).toEqual([...ids].sort());
    expect(suspend.body.skipped).toEqual([]);
    for (const user of users) {
      expect((await user.session.call("/api/me")).status).toBe(401);
      const login = await new Session().login(user.email, PASSWORD);
      expect(login.status).toBe(403);
    }
    const again = await admin.call<{ updated: string[]; skipped: string[] }>("/api/admin/users/bulk", {
      method: "POST",
      body: { action: "suspend", userIds: ids },
    });
    expect(again.body.updated).toEqual([]);

    const activate = await admin.call<{ updated: string[] }>("/api/admin/users/bulk", {
      method: "POST",
      body: { action: "activate", userIds: ids },
    });
    expect(activate.body.updated.length).toBe(2);
    expect((await new Session().login(users[0]!.email, PASSWORD)).status).toBe(200);

    const audit = await admin.call<AuditLogPage>(
      `/api/admin/audit-logs?action=user.status_changed&targetType=USER&targetId=${ids[0]}`,
    );
    expect(audit.body.entries.map((e) => e.metadata.to)).toEqual(["ACTIVE", "SUSPENDED"]);
    expect(audit.body.entries[1]?.metadata).toMatchObject({ from: "ACTIVE", reason: "bulk test", bulk: true });
    expect(audit.body.entries[0]?.actor?.email).toBe("admin@tollgate.test");

    const me = await admin.call<{ user: { id: string } }>("/api/me");
    const self = await admin.call<ApiErrorBody>("/api/admin/users/bulk", {
      method: "POST",
      body: { action: "suspend", userIds: [ids[0], me.body.user.id] },
    });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe("CANNOT_DEMOTE_SELF");
    const unknown = await admin.call<ApiErrorBody>("/api/admin/users/bulk", {
      method: "POST",
      body: { action: "suspend", userIds: [ids[0], "00000000-0000-4000-8000-000000000000"] },
    });
    expect(unknown.status).toBe(404);
    // All or nothing: the known user was not suspended by the refused batch.
    expect((await new Session().login(users[0]!.email, PASSWORD)).status).toBe(200);
    for (const body of [
      { action: "delete", userIds: ids },
      { action: "suspend", userIds: [] },
      { action: "suspend", userIds: ["nope"] },
      { action: "suspend" },
    ]) {
      expect((await admin.call("/api/admin/users/bulk", { method: "POST", body })).status).toBe(400);
    }
  });

  it("soft-deletes: anonymises, revokes sessions, refuses login and leaves the ledger balanced", async () => {
    const admin = await adminSession();
    const { session, email, userId } = await signUpVerified("softdelete");
    await withFixtureDb((db) =>
      db.execute(sql`
        update profile set display_name = 'Real Name', bio = 'about me', avatar_url = 'https://example.test/a.png'
        where user_id = ${userId}`),
    );
    await adjust(admin, userId, "12.500");
    const before = await admin.call<{ user: { balance: string } }>(`/api/admin/users/${userId}`);
    expect(before.body.user.balance).toBe("12.500");

    const del = await admin.call<{ user: { id: string; email: string; status: string } }>(
      `/api/admin/users/${userId}?reason=${encodeURIComponent("asked to be forgotten")}`,
      { method: "DELETE" },
    );
    expect(del.status).toBe(200);
    expect(del.body.user).toMatchObject({ id: userId, email: `deleted+${userId}@invalid`, status: "DELETED" });

    const rows = await withFixtureDb(async (db) => {
      const user = await firstRow(
        db,
        sql`
        select u.email, u.status, u.password_hash, p.display_name, p.bio, p.avatar_url
        from "user" u left join profile p on p.user_id = u.id where u.id = ${userId}`,
      );
      const live = await firstRow(
        db,
        sql`
        select count(*)::int as n from refresh_token where user_id = ${userId} and revoked_at is null`,
      );
      return {
        user,
        liveTokens: Number(live.n),
        violations: await checkLedgerInvariants(db),
      };
    });
    expect(rows.user).toEqual({
      email: `deleted+${userId}@invalid`,
      status: "DELETED",
      password_hash: "!deleted",
      display_name: "Deleted user",
      bio: null,
      avatar_url: null,
    });
    expect(rows.liveTokens).toBe(0);
    expect(rows.violations).toEqual([]);
    // The money stays where it was: the ledger is never touched by a delete.
    const after = await admin.call<{ user: { balance: string; displayName: string } }>(`/api/admin/users/${userId}`);
    expect(after.body.user).toMatchObject({ balance: "12.500", displayName: "Deleted user" });

    expect((await session.call("/api/me")).status).toBe(401);
    const login = await new Session().login(email, PASSWORD);
    expect(login.status).toBe(401);
    const anonymisedLogin = await new Session().login(`deleted+${userId}@invalid`, "!deleted");
    expect([400, 401]).toContain(anonymisedLogin.status);

    const audit = await admin.call<AuditLogPage>(`/api/admin/audit-logs?action=user.deleted&targetId=${userId}`);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]?.metadata).toMatchObject({ reason: "asked to be forgotten", from: "ACTIVE" });
    expect(JSON.stringify(audit.body.entries[0])).not.toContain(email);

    // Again: nothing more changes, no second audit row.
    expect((await admin.call(`/api/admin/users/${userId}`, { method: "DELETE" })).status).toBe(200);
    const audit2 = await admin.call<AuditLogPage>(`/api/admin/audit-logs?action=user.deleted&targetId=${userId}`);
    expect(audit2.body.entries).toHaveLength(1);

    // PATCH status DELETED is the same soft delete.
    const patched = await signUpVerified("softdelete-patch");
    const viaPatch = await admin.call<{ user: { email: string; status: string } }>(
      `/api/admin/users/${patched.userId}`,
      { method: "PATCH", body: { status: "DELETED" } },
    );
    expect(viaPatch.body.user).toMatchObject({ email: `deleted+${patched.userId}@invalid`, status: "DELETED" });
    const patchedDetail = await admin.call<{ user: { displayName: string } }>(`/api/admin/users/${patched.userId}`);
    expect(patchedDetail.body.user.displayName).toBe("Deleted user");

    const me = await admin.call<{ user: { id: string } }>("/api/me");
    const self = await admin.call<ApiErrorBody>(`/api/admin/users/${me.body.user.id}`, { method: "DELETE" });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe("CANNOT_DELETE_SELF");
    expect(
      (await admin.call("/api/admin/users/00000000-0000-4000-8000-000000000000", { method: "DELETE" })).status,
    ).toBe(404);
    expect((await admin.call("/api/admin/users/not-a-uuid", { method: "DELETE" })).status).toBe(400);
  });
});

describe("/api/admin/audit-logs", () => {
  it("filters, pages newest first, joins the actor and exports the filtered set as CSV", async () => {
    const admin = await adminSession();
    const { userId } = await signUpVerified("auditlog");
    for (const status of ["SUSPENDED", "ACTIVE", "SUSPENDED"] as const) {
      expect((await admin.call(`/api/admin/users/${userId}`, { method: "PATCH", body: { status } })).status).toBe(200);
    }
    await adjust(admin, userId, "1.000");
    const base = `/api/admin/audit-logs?targetType=USER&targetId=${userId}`;
    const all = await admin.call<AuditLogPage>(base);
    expect(all.status).toBe(200);
    expect(all.body.entries.map((e) => e.metadata.to)).toEqual(["SUSPENDED", "ACTIVE", "SUSPENDED"]);
    const times = all.body.entries.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.body.entries[0]?.actor).toMatchObject({ email: "admin@tollgate.test" });

    const first = await admin.call<AuditLogPage>(`${base}&limit=2`);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await admin.call<AuditLogPage>(`${base}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.entries.map((e) => e.id)).toEqual([all.body.entries[2]?.id]);
    expect(second.body.nextCursor).toBeNull();

    const actorId = all.body.entries[0]?.actor?.id ?? "";
    const byActor = await admin.call<AuditLogPage>(`${base}&actorId=${actorId}&action=user.status_changed`);
    expect(byActor.body.entries).toHaveLength(3);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await admin.call<AuditLogPage>(`${base}&from=${future}`);
    expect(none.body.entries).toEqual([]);
    const upTo = await admin.call<AuditLogPage>(`${base}&to=${encodeURIComponent(all.body.entries[1]!.createdAt)}`);
    expect(upTo.body.entries.map((e) => e.id)).toEqual([all.body.entries[2]?.id]);

    const csv = await admin.call<string>(`/api/admin/audit-logs.csv?targetType=USER&targetId=${userId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe("created_at,action,actor_id,actor_email,actor_name,target_type,target_id,ip,metadata,id");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"user.status_changed","');
    expect(lines[1]).toContain('"admin@tollgate.test"');
    expect(lines[1]).toContain(`"${all.body.entries[0]?.id}"`);

    for (const bad of [
      "actorId=nope",
      "from=yesterday",
      `from=${future}&to=${new Date().toISOString()}`,
      "limit=0",
      "limit=500",
      "cursor=abc",
    ]) {
      const res = await admin.call<ApiErrorBody>(`/api/admin/audit-logs?${bad}`);
      expect(res.status, bad).toBe(400);
    }
    expect((await admin.call("/api/admin/audit-logs.csv?actorId=nope")).status).toBe(400);
  });
});

describe("admin console guards", () => {
  const endpoints: { method: string; path: string; body?: unknown }[] = [
    { method: "GET", path: "/api/admin/overview" },
    { method: "GET", path: "/api/admin/users?role=VIEWER&sort=email" },
    { method: "GET", path: "/api/admin/users/users.csv" },
    {
      method: "POST",
      path: "/api/admin/users/bulk",
      body: { action: "suspend", userIds: ["00000000-0000-4000-8000-000000000000"] },
    },
    { method: "DELETE", path: "/api/admin/users/00000000-0000-4000-8000-000000000000" },
    { method: "GET", path: "/api/admin/audit-logs" },
    { method: "GET", path: "/api/admin/audit-logs.csv" },
  ];

  it("answers guests 401 and viewers, creators and moderators 403", async () => {
    const viewer = (await signUpVerified("guard-viewer")).session;
    const creator = new Session();
    expect((await creator.login("creator1@tollgate.test")).status).toBe(200);
    const moderator = new Session();
    expect((await moderator.login("moderator@tollgate.test")).status).toBe(200);
    const guest = new Session();
    for (const endpoint of endpoints) {
      const init = { method: endpoint.method, ...(endpoint.body ? { body: endpoint.body } : {}) };
      const anonymous = await guest.call<ApiErrorBody>(endpoint.path, init);
      expect(anonymous.status, `${endpoint.method} ${endpoint.path} guest`).toBe(401);
      for (const [who, session] of [
        ["viewer", viewer],
        ["creator", creator],
        ["moderator", moderator],
      ] as const) {
        const res = await session.call<ApiErrorBody>(endpoint.path, init);
        expect(res.status, `${endpoint.method} ${endpoint.path} ${who}`).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
    }
  });
});
