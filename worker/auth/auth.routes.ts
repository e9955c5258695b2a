import { Hono } from "hono";
import {
  forgotPasswordSchema,
  loginSchema,
  registerSchema,
  resendVerificationSchema,
  resetPasswordSchema,
  verifyEmailSchema,
} from "../../contracts/auth.ts";
import { AppError } from "../platform/errors.ts";
import { createEmailSender } from "../platform/email/email-sender.ts";
import { clientIp, clientIpKey, enforceRateLimits, limitFailures, LIMITS } from "../platform/rate-limit.ts";
import { appUrl } from "../platform/app-url.ts";
import { validate } from "../platform/validate.ts";
import type { AppEnv } from "../platform/types.ts";
import { clearSessionCookies, readRefreshToken, setSessionCookies } from "./cookies.ts";
import { loadSigningKeys } from "./keys.ts";
import { loginUser, type SessionTokens } from "./login-user.ts";
import { refreshSession } from "./refresh-session.ts";
import { revokeFamily, revokeRefreshToken } from "./refresh-tokens.ts";
import { afterResponse } from "./after-response.ts";
import { registerUser, verifyLink } from "./register-user.ts";
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
    await enforceRateLimits(c, [[`register:ip:${clientIpKey(c)}`, LIMITS.registerIp]]);
    await registerUser(c.var.db, input, { email: createEmailSender(c.var.config, c.var.db), appUrl: appUrl(c) });
    // The same answer for a new and a taken address; the mail tells the owner which it was.
    return c.json({ status: "check_email" as const }, 202);
  })
  .post("/login", validate("json", loginSchema), async (c) => {
    const input = c.req.valid("json");
    const ip = clientIpKey(c);
    const keys = await loadSigningKeys(c.var.config.JWT_PRIVATE_KEY, c.var.config.JWT_KEY_ID);
    // Failures only, per account and network: strangers' wrong guesses do not lock the owner out.
    const session = await limitFailures(
      c,
      [
        [`login:ip:${ip}`, LIMITS.loginIp],
        [`login:account-ip:${input.email}:${ip}`, LIMITS.loginAccountIp],
        [`login:account:${input.email}`, LIMITS.loginAccount],
      ],
      () => loginUser(c.var.db, input, { keys }),
      (error) => error instanceof AppError && error.code === "INVALID_CREDENTIALS",
    );
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
      // Only a refused token ends the browser's session; a database outage (503) keeps the cookies.
      if (error instanceof AppError && error.status === 401) clearSessionCookies(c);
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
  // Links mailed before verification moved to a POST: open the page, consume nothing (mail scanners GET links).
  .get("/verify", validate("query", z.object({ token: z.string().max(200).optional() })), (c) => {
    const { token } = c.req.valid("query");
    return c.redirect(token ? verifyLink(appUrl(c), token) : `${appUrl(c)}/verify?status=invalid`, 302);
  })
  .post("/verify", validate("json", verifyEmailSchema), async (c) => {
    await enforceRateLimits(c, [[`verify:ip:${clientIpKey(c)}`, LIMITS.verifyIp]]);
    const { token } = c.req.valid("json");
    return c.json({ status: await verifyEmail(c.var.db, token) });
  })
  .post("/verify/resend", validate("json", resendVerificationSchema), async (c) => {
    const { email } = c.req.valid("json");
    await enforceRateLimits(c, [
      [`resend:ip:${clientIpKey(c)}`, LIMITS.resendIp],
      [`resend:account:${email}`, LIMITS.resendAccount],
    ]);
    await resendVerification(c.var.db, email, { email: createEmailSender(c.var.config, c.var.db), appUrl: appUrl(c) });
    return c.json({ ok: true, message: "If that account needs verification, we sent a new link." }, 202);
  })
  .post("/password/forgot", validate("json", forgotPasswordSchema), async (c) => {
    const { email } = c.req.valid("json");
    await enforceRateLimits(c, [
      [`reset:ip:${clientIpKey(c)}`, LIMITS.resetIp],
      [`reset:account:${email}`, LIMITS.resetAccount],
    ]);
    // After the response: its timing must not tell whether the account exists.
    const link = appUrl(c);
    afterResponse(c, (db) =>
      requestPasswordReset(db, email, { email: createEmailSender(c.var.config, db), appUrl: link }),
    );
    return c.json({ ok: true, message: "If that account exists, we sent a reset link." }, 202);
  })
  .post("/password/reset", validate("json", resetPasswordSchema), async (c) => {
    await enforceRateLimits(c, [[`reset:ip:${clientIpKey(c)}`, LIMITS.resetIp]]);
    const input = c.req.valid("json");
    await resetPassword(c.var.db, { ...input, ip: clientIp(c) });
    clearSessionCookies(c);
    return c.json({ ok: true });
  });
