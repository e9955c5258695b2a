import { badRequest } from "./errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor the API did not issue (or that was tampered with): always a 400, never a 500. */
export const invalidCursor = () => badRequest("INVALID_CURSOR", "The page cursor is invalid");

/** Exactly a UUID, so the `::uuid` cast in a page query cannot fail. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** Base64 or base64url text to a string; INVALID_CURSOR when it is not base64 at all. */
export function decodeCursorText(cursor: string): string {
  try {
    return atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    throw invalidCursor(); // atob's InvalidCharacterError: not base64
  }
}

/** An ISO-8601 UTC instant as toISOString() writes it, within Postgres' and JS' shared range. */
export function parseIsoInstant(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) || at.toISOString() !== text ? undefined : at;
}

const PG_TIMESTAMPTZ = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2}$/;

/**
 * A timestamptz as Postgres prints it (`2026-12-02 01:45:05.123456+00`) with a real calendar
 * date and time, so the `::timestamptz` cast in a page query cannot fail.
 */
export function isPgTimestamptz(text: string): boolean {
  const m = PG_TIMESTAMPTZ.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    at.getUTCFullYear() === y &&
    at.getUTCMonth() === mo - 1 &&
    at.getUTCDate() === d &&
    at.getUTCHours() === h &&
    at.getUTCMinutes() === mi &&
    at.getUTCSeconds() === s
  );
}

/** A page cursor: the keyset values of a page's last row as base64url JSON (opaque to clients). */
export const encodeCursor = (value: unknown): string =>
  btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** The JSON inside a cursor; INVALID_CURSOR when it is not base64 of JSON. Check its shape next. */
export function decodeCursorJson(cursor: string): unknown {
  const text = decodeCursorText(cursor);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidCursor(); // base64 of something that is not JSON
  }
}

/** A keyset cursor over (created_at, id): the page's last row as Postgres prints its time. */
export function encodeTimeIdCursor(row: { at: string; id: string }): string {
  return encodeCursor({ t: row.at, id: row.id });
}

/** The (created_at, id) keyset a cursor from encodeTimeIdCursor holds; INVALID_CURSOR otherwise. */
export function decodeTimeIdCursor(cursor: string): { t: string; id: string } {
  const c = decodeCursorJson(cursor);
  if (
    typeof c === "object" &&
    c !== null &&
    "t" in c &&
    "id" in c &&
    typeof c.t === "string" &&
    isPgTimestamptz(c.t) &&
    isUuid(c.id)
  ) {
    return { t: c.t, id: c.id };
  }
  throw invalidCursor();
}
