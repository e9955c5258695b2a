import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refreshTokens } from "../../worker/auth/auth.schema.ts";
import { hashToken } from "../../worker/auth/opaque-token.ts";
import { createDb } from "../../worker/platform/db/client.ts";
import { type ApiErrorBody, call } from "./support/http.ts";
import { confirmEmail, freshIp, latestMailLink, Session, signUpVerified, uniqueEmail } from "./support/session.ts";

interface MeBody {
  user: { id: string; email: string; role: string; emailVerified: boolean; passwordHash?: unknown };
  profile: { displayName: string } | null;
}

describe("registration and verification", () => {
  it("registers, mails a link to the page, verifies only by POST, logs in and answers /api/me", async () => {
    const s = new Session();
    const email = uniqueEmail("reg");
    const reg = await s.call("/api/auth/register", {
      method: "POST",
      body: { email: email.toUpperCase(), password: "correct horse battery" },
    });
    expect(reg.status).toBe(202);
    expect(reg.body).toEqual({ status: "check_email" });

    const link = await latestMailLink(email, /http\S+\/verify\?token=\S+/);
    const url = new URL(link);
    expect(url.pathname).toBe("/verify");
    const token = url.searchParams.get("token") ?? "";

    // A mail scanner fetching the old API link verifies nothing: it is sent to the page, token intact.
    const scanned = await call(`/api/auth/verify?token=${encodeURIComponent(token)}`);
    expect(scanned.status).toBe(302);
    expect(scanned.headers.get("location")).toBe(`http://127.0.0.1:8787/verify?token=${encodeURIComponent(token)}`);
    expect((await call("/api/auth/verify")).headers.get("location")).toMatch(/\/verify\?status=invalid$/);
    expect((await s.login(email, "correct horse battery")).status).toBe(200);
    expect((await s.call<MeBody>("/api/me")).body.user.emailVerified).toBe(false);

    const verify = await confirmEmail(s, token);
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ status: "ok" });
    expect((await confirmEmail(s, token)).body).toEqual({ status: "used" });
    expect((await confirmEmail(s, "not-a-real-token")).body).toEqual({ status: "invalid" });

    const login = await s.login(email, "correct horse battery");
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie().join("\n");
    expect(cookies).toMatch(/tg_at=[^;]+;.*HttpOnly/i);
    expect(cookies).toMatch(/SameSite=Lax/i);
    expect(cookies).toMatch(/tg_rt=[^;]+;.*Path=\/api\/auth/i);

    const me = await s.call<MeBody>("/api/me");
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, role: "VIEWER", emailVerified: true });
    expect(me.body.user.passwordHash).toBeUndefined();
    expect(me.body.profile?.displayName).toBeTruthy();
  });

  it("answers a taken email exactly like a new one and tells the owner by mail", async () => {
    const email = uniqueEmail("dup");
    const body = { email, password: "correct horse battery" };
    const first = await new Session().call("/api/auth/register", { method: "POST", body });
    const dup = await new Session().call("/api/auth/register", { method: "POST", body });
    expect(dup.status).toBe(first.status);
    expect(dup.body).toEqual(first.body);
    const box = await call<{ messages: { subject: string; text: string }[] }>(
      `/api/dev/outbox?to=${encodeURIComponent(email)}`,
    );
    expect(box.body.messages.map((m) => m.subject)).toEqual([
      "You already have a Tollgate account",
      "Confirm your Tollgate email",
    ]);
    expect(box.body.messages[0]?.text).toContain("http://127.0.0.1:8787/forgot-password");
  });

  it("refuses weak, common and overlong passwords with the issues", async () => {
    const s = new Session();
    for (const password of ["short", "password123", "x".repeat(129)]) {
      const res = await s.call<ApiErrorBody>("/api/auth/register", {
        method: "POST",
        body: { email: uniqueEmail("weak"), password },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(JSON.stringify(res.body.error.details)).toContain("password");
    }
  });

  it("answers malformed JSON and invalid input with the JSON error body", async () => {
    const s = new Session();
    const bad = await s.call<ApiErrorBody>("/api/auth/register", { method: "POST", rawBody: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("MALFORMED_JSON");
    const invalid = await s.call<ApiErrorBody>("/api/auth/register", { method: "POST", body: { email: "nope" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe("VALIDATION_FAILED");
    expect(Array.isArray(invalid.body.error.details)).toBe(true);
  });

  it("resends verification without revealing whether the account exists", async () => {
    const s = new Session();
    const unknown = await s.call("/api/auth/verify/resend", { method: "POST", body: { email: uniqueEmail("ghost") } });
    const email = uniqueEmail("resend");
    await s.call("/api/auth/register", { method: "POST", body: { email, password: "correct horse battery" } });
    const known = await s.call("/api/auth/verify/resend", { method: "POST", body: { email } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const box = await call<{ messages: unknown[] }>(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
    expect(box.body.messages).toHaveLength(2);
  });
});

describe("login", () => {
  it("gives the same 401 for a wrong password and an unknown email", async () => {
    const s = new Session();
    const wrong = await s.login("viewer1@tollgate.test", "not-the-password");
    const unknown = await s.login(uniqueEmail("nobody"), "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it("lets an unverified user sign in, marked unverified", async () => {
    const s = new Session();
    const email = uniqueEmail("unverified");
    await s.call("/api/auth/register", { method: "POST", body: { email, password: "correct horse battery" } });
    expect((await s.login(email, "correct horse battery")).status).toBe(200);
    const me = await s.call<MeBody>("/api/me");
    expect(me.body.user.emailVerified).toBe(false);
  });

  it("signs in every seeded account", async () => {
    for (const email of ["admin@tollgate.test", "creator1@tollgate.test", "viewer3@tollgate.test"]) {
      const s = new Session();
      expect((await s.login(email)).status).toBe(200);
    }
  });
});

describe("guards", () => {
  it("answers anonymous requests to protected areas with 401", async () => {
    for (const path of ["/api/me", "/api/admin/users/00000000-0000-4000-8000-000000000000", "/api/wallet/balance"]) {
      const res = await call<ApiErrorBody>(path);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHORIZED");
    }
  });

  it("answers a viewer on an admin route with 403, and lets the admin through", async () => {
    const viewer = new Session();
    await viewer.login("viewer2@tollgate.test");
    const target = (await viewer.call<MeBody>("/api/me")).body.user.id;
    const res = await viewer.call<ApiErrorBody>(`/api/admin/users/${target}`, {
      method: "PATCH",
      body: { role: "ADMIN" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
    const creatorArea = await viewer.call("/api/creator/anything");
    expect(creatorArea.status).toBe(403);
  });

  it("refuses cookie-authenticated writes from another origin (CSRF)", async () => {
    const s = new Session();
    await s.login("viewer1@tollgate.test");
    const res = await s.call<ApiErrorBody>("/api/auth/logout", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("CSRF_REJECTED");
    expect((await s.call("/api/me")).status).toBe(200);
  });
});

describe("suspension and role changes", () => {
  it("ends a suspended user's access at once and writes audit logs", async () => {
    const { session: user, email, userId } = await signUpVerified("suspend");
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const promote = await admin.call<{ user: { role: string } }>(`/api/admin/users/${userId}`, {
      method: "PATCH",
      body: { role: "CREATOR", reason: "applied" },
    });
    expect(promote.status).toBe(200);
    expect(promote.body.user.role).toBe("CREATOR");
    // A new role ends the sessions at once; signing in again gives the new role.
    const stale = await user.call<ApiErrorBody>("/api/me");
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe("SESSION_REVOKED");
    expect((await user.login(email, "a-strong-passphrase-42")).status).toBe(200);
    expect((await user.call<MeBody>("/api/me")).body.user.role).toBe("CREATOR");

    const suspend = await admin.call(`/api/admin/users/${userId}`, { method: "PATCH", body: { status: "SUSPENDED" } });
    expect(suspend.status).toBe(200);
    const me = await user.call<ApiErrorBody>("/api/me");
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe("SESSION_REVOKED");
    expect((await user.call("/api/auth/refresh", { method: "POST" })).status).toBe(401);
    const relogin = await new Session().login(email, "a-strong-passphrase-42");
    expect(relogin.status).toBe(403);
    expect((relogin.body as unknown as ApiErrorBody).error.code).toBe("ACCOUNT_SUSPENDED");
  });

  it("validates the admin update body", async () => {
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    const bad = await admin.call<ApiErrorBody>("/api/admin/users/not-a-uuid", {
      method: "PATCH",
      body: { role: "KING" },
    });
    expect(bad.status).toBe(400);
    const missing = await admin.call<ApiErrorBody>("/api/admin/users/00000000-0000-4000-8000-000000000000", {
      method: "PATCH",
      body: { role: "VIEWER" },
    });
    expect(missing.status).toBe(404);
  });
});

const refreshCookie = (res: { headers: Headers }) =>
  /tg_rt=([^;]*)/.exec(res.headers.getSetCookie().find((c) => c.startsWith("tg_rt=")) ?? "")?.[1];

/** Moves a token's rotation into the past, as if the grace window had run out. */
async function ageRotation(token: string, ms: number): Promise<void> {
  const bindings = env as unknown as { DATABASE_URL: string; NEON_WS_PROXY: string };
  const handle = createDb({ url: bindings.DATABASE_URL, wsProxy: bindings.NEON_WS_PROXY, max: 1 });
  try {
    await handle.db
      .update(refreshTokens)
      .set({ rotatedAt: new Date(Date.now() - ms) })
      .where(eq(refreshTokens.tokenHash, await hashToken(token)));
  } finally {
    await handle.close();
  }
}

describe("refresh tokens", () => {
  it("rotates, and a rotated token reused after the grace window revokes the whole family", async () => {
    const { session } = await signUpVerified("rotate");
    const first = session.cookie("tg_rt");
    expect(first).toBeTruthy();
    const r1 = await session.call("/api/auth/refresh", { method: "POST" });
    expect(r1.status).toBe(200);
    const second = session.cookie("tg_rt");
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await ageRotation(first ?? "", 60_000);

    // An attacker replays the first (rotated) token.
    const thief = new Session();
    thief.setCookie("tg_rt", first ?? "");
    const replay = await thief.call<ApiErrorBody>("/api/auth/refresh", { method: "POST" });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("REFRESH_TOKEN_REUSED");
    // The owner's current token died with the family, and so did its access token.
    expect((await session.call<ApiErrorBody>("/api/me")).body.error.code).toBe("SESSION_REVOKED");
    const owner = await session.call<ApiErrorBody>("/api/auth/refresh", { method: "POST" });
    expect(owner.status).toBe(401);
  });

  it("gives two tabs refreshing at once the same successor", async () => {
    const { session } = await signUpVerified("tabs");
    const cookie = `tg_rt=${session.cookie("tg_rt")}`;
    const tab = () => call<{ user: { id: string } }>("/api/auth/refresh", { method: "POST", cookie });
    const [a, b] = await Promise.all([tab(), tab()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const successor = refreshCookie(a);
    expect(successor).toBeTruthy();
    expect(refreshCookie(b)).toBe(successor);
    // A third tab a moment later still gets it, and the successor goes on working.
    const late = await tab();
    expect(late.status).toBe(200);
    expect(refreshCookie(late)).toBe(successor);
    const next = await call("/api/auth/refresh", { method: "POST", cookie: `tg_rt=${successor}` });
    expect(next.status).toBe(200);
    expect(refreshCookie(next)).not.toBe(successor);
  });

  it("keeps the cookies when the database is down (503), clears them when the token is refused", async () => {
    const { session } = await signUpVerified("dbdown");
    const cookie = `tg_rt=${session.cookie("tg_rt")}`;
    const down = await call<ApiErrorBody>("/api/auth/refresh", {
      method: "POST",
      cookie,
      envOverrides: { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
    });
    expect(down.status).toBe(503);
    expect(down.headers.getSetCookie()).toEqual([]);
    // The same token still works once the database is back.
    expect((await call("/api/auth/refresh", { method: "POST", cookie })).status).toBe(200);

    const refused = await call("/api/auth/refresh", { method: "POST", cookie: "tg_rt=made-up" });
    expect(refused.status).toBe(401);
    expect(refused.headers.getSetCookie().join("\n")).toMatch(/tg_rt=;/);
  });

  it("logout revokes the refresh token and clears the cookies", async () => {
    const { session } = await signUpVerified("logout");
    const rt = session.cookie("tg_rt") ?? "";
    expect((await session.call("/api/auth/logout", { method: "POST" })).status).toBe(204);
    expect(session.cookie("tg_at")).toBeUndefined();
    const thief = new Session();
    thief.setCookie("tg_rt", rt);
    expect((await thief.call("/api/auth/refresh", { method: "POST" })).status).toBe(401);
  });
});

describe("password reset", () => {
  it("resets with a single-use token, ends sessions and keeps the answer uniform", async () => {
    const { session, email } = await signUpVerified("reset");
    const s = new Session();
    const a = await s.call("/api/auth/password/forgot", { method: "POST", body: { email } });
    const b = await s.call("/api/auth/password/forgot", { method: "POST", body: { email: uniqueEmail("none") } });
    expect(a.status).toBe(202);
    expect(a.body).toEqual(b.body);
    const link = await latestMailLink(email, /http\S+\/reset-password\?token=\S+/);
    const token = new URL(link).searchParams.get("token");
    const ok = await s.call("/api/auth/password/reset", {
      method: "POST",
      body: { token, password: "brand new passphrase" },
    });
    expect(ok.status).toBe(200);
    const reuse = await s.call<ApiErrorBody>("/api/auth/password/reset", {
      method: "POST",
      body: { token, password: "another new passphrase" },
    });
    expect(reuse.body.error.code).toBe("RESET_TOKEN_USED");
    expect((await session.call("/api/auth/refresh", { method: "POST" })).status).toBe(401);
    expect((await new Session().login(email, "a-strong-passphrase-42")).status).toBe(401);
    expect((await new Session().login(email, "brand new passphrase")).status).toBe(200);
  });

  it("answers forgot-password without touching the database first, so timing tells nothing", async () => {
    // The lookup and the mail happen after the response: even with the database down it answers at once.
    const res = await call("/api/auth/password/forgot", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp() },
      body: { email: "viewer1@tollgate.test" },
      envOverrides: { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
    });
    expect(res.status).toBe(202);
  });

  it("refuses a bad reset link before paying for the password hash", async () => {
    const s = new Session();
    const body = { token: "x".repeat(43), password: "brand new passphrase" };
    await s.call("/api/auth/password/reset", { method: "POST", body }); // warm-up
    let started = performance.now();
    const refused = await s.call<ApiErrorBody>("/api/auth/password/reset", { method: "POST", body });
    const refusedMs = performance.now() - started;
    expect(refused.body.error.code).toBe("RESET_TOKEN_INVALID");
    // A wrong password costs one scrypt (~250 ms); the refused link must cost far less.
    started = performance.now();
    await new Session().login("viewer2@tollgate.test", "not-the-password");
    const hashMs = performance.now() - started;
    expect(refusedMs).toBeLessThan(hashMs / 2);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once an account's failures from one network are spent", async () => {
    const email = uniqueEmail("brute");
    const attacker = new Session();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<Session["login"]>> | undefined;
    for (let i = 0; i < 12; i++) {
      last = await attacker.login(email, `guess-${i}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((last?.body as unknown as ApiErrorBody).error.code).toBe("RATE_LIMITED");
  });

  it("does not lock the owner out after strangers' wrong passwords, and counts failures only", async () => {
    const { email } = await signUpVerified("lockout", "owner-passphrase-42");
    const stranger = new Session();
    for (let i = 0; i < 11; i++) await stranger.login(email, `guess-${i}`);
    expect((await stranger.login(email, "owner-passphrase-42")).status).toBe(429);
    // The owner, from their own network, still gets in, again and again.
    const owner = new Session();
    for (let i = 0; i < 11; i++)
      expect((await owner.login(email, "owner-passphrase-42")).status, `login ${i}`).toBe(200);
  });

  it("buckets IPv6 clients by /64", async () => {
    const net = `2001:db8:${crypto.randomUUID().slice(0, 4)}:${crypto.randomUUID().slice(0, 4)}`;
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const res = await call("/api/auth/register", {
        method: "POST",
        // Every request from another address of the same /64.
        headers: { "cf-connecting-ip": `${net}:${i.toString(16)}::${(i * 7).toString(16)}` },
        body: { email: uniqueEmail("v6"), password: "correct horse battery" },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("sessions end on the server at once", () => {
  const withAccessToken = (token: string) => call<ApiErrorBody>("/api/me", { cookie: `tg_at=${token}` });

  it("refuses the access token from before a logout", async () => {
    const { session } = await signUpVerified("logout");
    const token = session.cookie("tg_at");
    if (!token) throw new Error("no access cookie");
    expect((await withAccessToken(token)).status).toBe(200);
    expect((await session.call("/api/auth/logout", { method: "POST" })).status).toBe(204);
    const after = await withAccessToken(token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("SESSION_REVOKED");
  });

  it("ends every session on a password reset and voids the other reset links", async () => {
    const { session, email } = await signUpVerified("resetall");
    const token = session.cookie("tg_at");
    if (!token) throw new Error("no access cookie");
    const s = new Session();
    await s.call("/api/auth/password/forgot", { method: "POST", body: { email } });
    const first = await latestMailLink(email, /http\S+\/reset-password\?token=\S+/);
    await s.call("/api/auth/password/forgot", { method: "POST", body: { email } });
    const second = await latestMailLink(email, /http\S+\/reset-password\?token=\S+/, { newerThan: first });
    expect(second).not.toBe(first);
    const reset = await s.call("/api/auth/password/reset", {
      method: "POST",
      body: { token: new URL(second).searchParams.get("token"), password: "another-strong-passphrase-7" },
    });
    expect(reset.status).toBeLessThan(300);
    expect((await withAccessToken(token)).status).toBe(401);
    const older = await s.call<ApiErrorBody>("/api/auth/password/reset", {
      method: "POST",
      body: { token: new URL(first).searchParams.get("token"), password: "yet-another-passphrase-8" },
    });
    expect(older.status).toBe(400);
    expect(older.body.error.code).toBe("RESET_TOKEN_USED");
  });
});
