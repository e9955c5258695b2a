import { z, type ZodType } from "zod";
import { sessionSchema } from "@contracts/auth.ts";
import { errorBodySchema } from "@contracts/errors.ts";
import { ApiError } from "./api-error.ts";
import { sessionHint } from "./session-hint.ts";

// Every feature's `<domain>.api.ts` calls the API through this file; the schemas it passes in
// are the Worker's own, from @contracts.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Session = z.infer<typeof sessionSchema>;

export interface ApiFetchOptions<T> {
  method?: HttpMethod;
  /** Serialized as JSON. */
  body?: unknown;
  /** Validates the 2xx response body (an empty body is parsed as `undefined`). */
  schema: ZodType<T>;
  signal?: AbortSignal;
  /** Sent as they are (an Idempotency-Key…), next to the JSON headers. */
  headers?: Record<string, string>;
  /** Lets the request outlive the page (a goodbye sent while the tab closes). */
  keepalive?: boolean;
}

/** The auth endpoints manage the session cookies themselves; a 401 from them is an answer, not an expiry. */
const AUTH_PREFIX = "/api/auth/";

/**
 * The one way the client talks to the API: JSON in, schema-checked JSON out, ApiError on failure.
 * A request refused because the access token expired is retried once after a session refresh.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions<T>): Promise<T> {
  try {
    return await request(path, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || path.startsWith(AUTH_PREFIX)) throw error;
    if (!isExpiredSession(error)) {
      endSession();
      throw error;
    }
    // The guard rejected the request before running it, so sending it again is safe.
    await refreshSession();
    try {
      return await request(path, options);
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.status === 401) endSession();
      throw retryError;
    }
  }
}

/**
 * TOKEN_EXPIRED is the server's word for it. But the access cookie expires together with its token,
 * so the browser usually stops sending it and the server only sees UNAUTHORIZED: while we believe we
 * hold a session, that means the same.
 */
function isExpiredSession(error: ApiError): boolean {
  return error.code === "TOKEN_EXPIRED" || (error.code === "UNAUTHORIZED" && sessionHint.get());
}

async function request<T>(path: string, options: ApiFetchOptions<T>): Promise<T> {
  const { method = "GET", body, schema, signal, keepalive } = options;
  const headers: Record<string, string> = { ...options.headers, accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
      keepalive,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK_ERROR", "Could not reach Tollgate. Check your connection and try again.");
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "INVALID_RESPONSE",
      "The server sent an unexpected response.",
      parsed.error.issues,
    );
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, "HTTP_ERROR", `Request failed with status ${status}.`);
}

type SessionListener = (session: Session | null) => void;
const sessionListeners = new Set<SessionListener>();

/** Told about every session the API hands out (login, refresh) and every one that ends. */
export function onSessionChange(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function startSession(session: Session): Session {
  sessionHint.set(true);
  for (const listener of sessionListeners) listener(session);
  return session;
}

export function endSession(): void {
  sessionHint.set(false);
  for (const listener of sessionListeners) listener(null);
}

let pendingRefresh: Promise<Session> | undefined;

/** Rotates the refresh cookie for a new access token. Concurrent callers share one request. */
export function refreshSession(): Promise<Session> {
  pendingRefresh ??= request("/api/auth/refresh", { method: "POST", schema: sessionSchema })
    .then(startSession, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) endSession();
      throw error;
    })
    .finally(() => {
      pendingRefresh = undefined;
    });
  return pendingRefresh;
}

/** For endpoints that answer 204 No Content. */
export const noContentSchema = z.undefined();

export interface PageQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** `?a=1&b=2` from the defined values, or "" when there are none. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** An id as one path segment. */
export const segment = (value: string) => encodeURIComponent(value);

export const post = <T>(path: string, schema: ZodType<T>, body?: unknown) =>
  apiFetch(path, { method: "POST", schema, body });
export const patch = <T>(path: string, schema: ZodType<T>, body: unknown) =>
  apiFetch(path, { method: "PATCH", schema, body });
