import type { ZodType } from "zod";
import { categoryListSchema } from "@contracts/catalog.ts";
import { errorBodySchema } from "@contracts/errors.ts";
import { ApiError } from "./api-error.ts";

export { ApiError } from "./api-error.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiFetchOptions<T> {
  method?: HttpMethod;
  /** Serialized as JSON. */
  body?: unknown;
  /** Validates the 2xx response body (an empty body is parsed as `undefined`). */
  schema: ZodType<T>;
  signal?: AbortSignal;
}

/** The one way the client talks to the API: JSON in, schema-checked JSON out, ApiError on failure. */
export async function apiFetch<T>(path: string, options: ApiFetchOptions<T>): Promise<T> {
  const { method = "GET", body, schema, signal } = options;
  const headers: Record<string, string> = { accept: "application/json" };
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
    throw new ApiError(response.status, "INVALID_RESPONSE", "The server sent an unexpected response.", parsed.error.issues);
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

/** Typed endpoints. Add one line per API route; schemas come from worker/contracts. */
export const api = {
  categories: (signal?: AbortSignal) => apiFetch("/api/categories", { schema: categoryListSchema, signal }),
};
