import { Hono } from "hono";
import {
  forgotPasswordSchema,
  loginSchema,
  registerSchema,
  resendVerificationSchema,
  resetPasswordSchema,
} from "../../contracts/auth.ts";
import { createEmailSender } from "../platform/email/email-sender.ts";
import { clientIp, enforceRateLimits, LIMITS } from "../platform/rate-limit.ts";
import { appUrl } from "../platform/app-url.ts";
import { validate } from "../platform/validate.ts";
import type { AppEnv } from "../platform/types.ts";
import { clearSessionCookies, readRefreshToken, setSessionCookies } from "./cookies.ts";
import { loadSigningKeys } from "./keys.ts";
import { loginUser, type SessionTokens } from "./login-user.ts";
import { refreshSession } from "./refresh-session.ts";
import { revokeFamily, revokeRefreshToken } from "./refresh-tokens.ts";
import { registerUser } from "./register-user.ts";
import { requestPasswordReset, resetPassword } from "./reset-password.ts";
import { resendVerification, verifyEmail } from "./verify-email.ts";
import { z } from "zod";

const sessionBody = (s: SessionTokens) => ({
  user: s.user,
  accessTokenExpiresAt: s.accessTokenExpiresAt.toISOString(),
});

export const authRoutes = new Hono<AppEnv>()
  .post("/register", validate("json", registerSchema), async (c) => {
    const input = c.req.valid("json");
    await enforceRateLimits(c, [[`register:ip:${clientIp(c)}`, LIMITS.registerIp]]);
    const user = await registerUser(c.var.db, input, {
      email: createEmailSender(c.var.config, c.var.db),
      appUrl: appUrl(c),
    });
    return c.json({ user }, 201);
  })
  .post("/login", validate("json", loginSchema), async (c) => {
    const input = c.req.valid("json");
    await enforceRateLimits(c, [
      [`login:ip:${clientIp(c)}`, LIMITS.loginIp],
      [`login:account:${input.email}`, LIMITS.loginAccount],
    ]);
    const keys = await loadSigningKeys(c.var.config.JWT_PRIVATE_KEY, c.var.config.JWT_KEY_ID);
    const session = await loginUser(c.var.db, input, { keys });
    setSessionCookies(c, session);
    return c.json(sessionBody(session));
  })
  .post("/refresh", async (c) => {
    const keys = await loadSigningKeys(c.var.config.JWT_PRIVATE_KEY, c.var.config.JWT_KEY_ID);
    try {
      const session = await refreshSession(c.var.db, readRefreshToken(c), { keys });
      setSessionCookies(c, session);
      return c.json(sessionBody(session));
    } catch (error) {
      clearSessionCookies(c);
      throw error;
    }
  })
  .post("/logout", async (c) => {
    const token = readRefreshToken(c);
    if (token) await revokeRefreshToken(c.var.db, token);
    // Also the session of the access token (a client holding only that, e.g. a Bearer caller).
    const claims = c.var.claims;
    if (claims) await revokeFamily(c.var.db, claims.sid);
    clearSessionCookies(c);
    return c.body(null, 204);
  })
  .get("/verify", validate("query", z.object({ token: z.string().max(200).optional() })), async (c) => {
    const { token } = c.req.valid("query");
    const status = token ? await verifyEmail(c.var.db, token) : "invalid";
    return c.redirect(`${appUrl(c)}/verify?status=${status}`, 302);
  })
  .post("/verify/resend", validate("json", resendVerificationSchema), async (c) => {
    const { email } = c.req.valid("json");
    await enforceRateLimits(c, [
      [`resend:ip:${clientIp(c)}`, LIMITS.resendIp],
      [`resend:account:${email}`, LIMITS.resendAccount],
    ]);
    await resendVerification(c.var.db, email, { email: createEmailSender(c.var.config, c.var.db), appUrl: appUrl(c) });
    return c.json({ ok: true, message: "If that account needs verification, we sent a new link." }, 202);
  })
  .post("/password/forgot", validate("json", forgotPasswordSchema), async (c) => {
    const { email } = c.req.valid("json");
    await enforceRateLimits(c, [
      [`reset:ip:${clientIp(c)}`, LIMITS.resetIp],
      [`reset:account:${email}`, LIMITS.resetAccount],
    ]);
    await requestPasswordReset(c.var.db, email, {
      email: createEmailSender(c.var.config, c.var.db),
      appUrl: appUrl(c),
    });
    return c.json({ ok: true, message: "If that account exists, we sent a reset link." }, 202);
  })
  .post("/password/reset", validate("json", resetPasswordSchema), async (c) => {
    await enforceRateLimits(c, [[`reset:ip:${clientIp(c)}`, LIMITS.resetIp]]);
    const input = c.req.valid("json");
    await resetPassword(c.var.db, { ...input, ip: clientIp(c) });
    clearSessionCookies(c);
    return c.json({ ok: true });
  });
