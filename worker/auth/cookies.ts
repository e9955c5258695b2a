import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { cookieName } from "../platform/cookie-names.ts";
import type { SessionTokens } from "./login-user.ts";

export const ACCESS_COOKIE = "tg_at";
export const REFRESH_COOKIE = "tg_rt";
/** The refresh cookie only travels to the endpoints that use it. */
const REFRESH_PATH = "/api/auth";

/** Over HTTPS the names carry the __Host-/__Secure- prefixes (worker/platform/cookie-names.ts). */
const access = (c: Context) => cookieName(c.req.url, ACCESS_COOKIE);
const refresh = (c: Context) => cookieName(c.req.url, REFRESH_COOKIE, REFRESH_PATH);

function isSecure(c: Context): boolean {
  const host = new URL(c.req.url).hostname;
  return !(host === "localhost" || host === "127.0.0.1" || host === "[::1]");
}

export function setSessionCookies(c: Context, s: SessionTokens): void {
  const secure = isSecure(c);
  setCookie(c, access(c), s.accessToken, {
    httpOnly: true,
    secure,
    sameSite: "Lax",
    path: "/",
    expires: s.accessTokenExpiresAt,
  });
  setCookie(c, refresh(c), s.refreshToken, {
    httpOnly: true,
    secure,
    sameSite: "Lax",
    path: REFRESH_PATH,
    expires: s.refreshTokenExpiresAt,
  });
}

export function clearSessionCookies(c: Context): void {
  const secure = isSecure(c);
  deleteCookie(c, access(c), { path: "/", secure });
  deleteCookie(c, refresh(c), { path: REFRESH_PATH, secure });
}

export const readAccessToken = (c: Context): string | undefined => {
  const header = c.req.header("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return getCookie(c, access(c));
};
export const readRefreshToken = (c: Context): string | undefined => getCookie(c, refresh(c));
