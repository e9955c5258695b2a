import { z, type ZodType } from "zod";
import {
  acceptedSchema,
  meSchema,
  outboxSchema,
  registeredSchema,
  sessionSchema,
  type LoginInput,
  type RegisterInput,
} from "@contracts/auth.ts";
import {
  adminUserDetailSchema,
  adminUserListSchema,
  adminUserUpdateResultSchema,
  reconcileReportSchema,
  type AdminUpdateUserInput,
} from "@contracts/admin.ts";
import { categoryListSchema } from "@contracts/catalog.ts";
import { errorBodySchema } from "@contracts/errors.ts";
import {
  checkoutResponseSchema,
  devCheckoutResultSchema,
  paymentEnvelopeSchema,
  paymentHistorySchema,
  priceEnvelopeSchema,
  priceListSchema,
  type CheckoutRequest,
  type CreatePriceInput,
  type UpdatePriceInput,
} from "@contracts/payments.ts";
import { ledgerPageSchema, walletBalanceSchema, type ListLedgerQuery } from "@contracts/wallet.ts";
import { ApiError } from "./api-error.ts";
import { sessionHint } from "./session-hint.ts";

export { ApiError } from "./api-error.ts";

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
  const { method = "GET", body, schema, signal } = options;
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

function startSession(session: Session): Session {
  sessionHint.set(true);
  for (const listener of sessionListeners) listener(session);
  return session;
}

function endSession(): void {
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

const noContentSchema = z.undefined();

export type DevCheckoutOutcome = "paid" | "failed";
export interface PageQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}
export type LedgerQuery = PageQuery & { type?: ListLedgerQuery["type"] | undefined };

/** `?a=1&b=2` from the defined values, or "" when there are none. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The CSV export is a plain download link (the browser saves the attachment), not a fetch. */
export const ledgerCsvUrl = (type?: ListLedgerQuery["type"]) => `/api/wallet/ledger.csv${query({ type })}`;

const post = <T>(path: string, schema: ZodType<T>, body?: unknown) => apiFetch(path, { method: "POST", schema, body });
const patch = <T>(path: string, schema: ZodType<T>, body: unknown) => apiFetch(path, { method: "PATCH", schema, body });
const id = (value: string) => encodeURIComponent(value);

/** Typed endpoints. Add one line per API route; schemas come from worker/contracts. */
export const api = {
  categories: (signal?: AbortSignal) => apiFetch("/api/categories", { schema: categoryListSchema, signal }),
  me: (signal?: AbortSignal) => apiFetch("/api/me", { schema: meSchema, signal }),
  auth: {
    register: (input: RegisterInput) => post("/api/auth/register", registeredSchema, input),
    login: async (input: LoginInput) => startSession(await post("/api/auth/login", sessionSchema, input)),
    refresh: refreshSession,
    logout: async () => {
      await post("/api/auth/logout", noContentSchema);
      endSession();
    },
    resendVerification: (input: { email: string }) => post("/api/auth/verify/resend", acceptedSchema, input),
    forgotPassword: (input: { email: string }) => post("/api/auth/password/forgot", acceptedSchema, input),
    resetPassword: async (input: { token: string; password: string }) => {
      const result = await post("/api/auth/password/reset", acceptedSchema, input);
      endSession(); // the server ended every session of the account
      return result;
    },
  },
  prices: (signal?: AbortSignal) => apiFetch("/api/prices", { schema: priceListSchema, signal }),
  wallet: {
    balance: (signal?: AbortSignal) => apiFetch("/api/wallet/balance", { schema: walletBalanceSchema, signal }),
    ledger: (params: LedgerQuery, signal?: AbortSignal) =>
      apiFetch(`/api/wallet/ledger${query({ ...params })}`, { schema: ledgerPageSchema, signal }),
    /** Admin only: compares a user's cached balance with the sum of the ledger, and repairs the cache. */
    reconcile: (userId: string) => post("/api/wallet/reconcile", reconcileReportSchema, { userId }),
  },
  payments: {
    checkout: (input: CheckoutRequest) => post("/api/payments/checkout", checkoutResponseSchema, input),
    history: (params: PageQuery, signal?: AbortSignal) =>
      apiFetch(`/api/payments/history${query({ ...params })}`, { schema: paymentHistorySchema, signal }),
    get: (paymentId: string, signal?: AbortSignal) =>
      apiFetch(`/api/payments/${id(paymentId)}`, { schema: paymentEnvelopeSchema, signal }),
    cancel: (paymentId: string) => post(`/api/payments/${id(paymentId)}/cancel`, paymentEnvelopeSchema),
  },
  admin: {
    prices: {
      list: (signal?: AbortSignal) => apiFetch("/api/admin/prices", { schema: priceListSchema, signal }),
      create: (input: CreatePriceInput) => post("/api/admin/prices", priceEnvelopeSchema, input),
      update: (priceId: string, input: UpdatePriceInput) =>
        patch(`/api/admin/prices/${id(priceId)}`, priceEnvelopeSchema, input),
    },
    users: {
      search: (params: { email?: string | undefined; limit?: number | undefined }, signal?: AbortSignal) =>
        apiFetch(`/api/admin/users${query({ ...params })}`, { schema: adminUserListSchema, signal }),
      get: (userId: string, signal?: AbortSignal) =>
        apiFetch(`/api/admin/users/${id(userId)}`, { schema: adminUserDetailSchema, signal }),
      ledger: (userId: string, params: LedgerQuery, signal?: AbortSignal) =>
        apiFetch(`/api/admin/users/${id(userId)}/ledger${query({ ...params })}`, { schema: ledgerPageSchema, signal }),
      /** The same idempotency key books a wallet adjustment once, however often the request is sent. */
      update: (userId: string, input: AdminUpdateUserInput, options: { idempotencyKey?: string } = {}) =>
        apiFetch(`/api/admin/users/${id(userId)}`, {
          method: "PATCH",
          schema: adminUserUpdateResultSchema,
          body: input,
          headers: options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : undefined,
        }),
    },
  },
  dev: {
    checkout: {
      get: (paymentId: string, signal?: AbortSignal) =>
        apiFetch(`/api/dev/checkout/${id(paymentId)}`, { schema: paymentEnvelopeSchema, signal }),
      complete: (paymentId: string, outcome: DevCheckoutOutcome) =>
        post(`/api/dev/checkout/${id(paymentId)}/complete`, devCheckoutResultSchema, { outcome }),
    },
    outbox: (to: string | undefined, signal?: AbortSignal) =>
      apiFetch(`/api/dev/outbox${to ? `?${new URLSearchParams({ to }).toString()}` : ""}`, {
        schema: outboxSchema,
        signal,
      }),
  },
};
