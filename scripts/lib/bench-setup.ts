import { issueAccessToken } from "../../worker/auth/access-token.ts";
import { ACCESS_COOKIE } from "../../worker/auth/cookies.ts";
import { loadSigningKeys } from "../../worker/auth/keys.ts";
import { createRefreshToken } from "../../worker/auth/refresh-tokens.ts";
import type { ScriptDb } from "./database.ts";

/** The benchmarks create and drop databases: never anywhere but this box. */
export function assertLoopback(url: string, bench: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) {
    throw new Error(`${bench} runs against loopback Postgres only, not ${host}`);
  }
}

/** `url` with the host and port of `from` (the stack's owner URL, reached the way DATABASE_URL is). */
export function withHostPort(url: string, from: string): string {
  const out = new URL(url);
  const source = new URL(from);
  out.hostname = source.hostname;
  out.port = source.port;
  return out.toString();
}

/**
 * An access-token cookie per user, signed with the stack's key instead of logging in (scrypt
 * costs 250 ms a login). Each belongs to a session (refresh-token family) of its own, as a login
 * would create, since the guard checks that the session is still active.
 */
export async function mintCookies(db: ScriptDb, pem: string, userIds: readonly string[]): Promise<Map<string, string>> {
  const keys = await loadSigningKeys(pem);
  const cookies = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < userIds.length; i = next++) {
        const sub = userIds[i];
        if (!sub) continue;
        const { familyId } = await createRefreshToken(db, { userId: sub });
        const { token } = await issueAccessToken(keys, { sub, role: "VIEWER", emailVerified: true, sid: familyId });
        cookies.set(sub, `${ACCESS_COOKIE}=${token}`);
      }
    }),
  );
  return cookies;
}

/** An integer command-line option within bounds, or an error naming it. */
export function intOption(values: Readonly<Record<string, unknown>>, name: string, min: number, max: number): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be an integer ${min}–${max}`);
  }
  return value;
}
