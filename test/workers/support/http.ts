import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { createApp } from "../../../worker/app.ts";

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the real Worker (default export) the way a browser would. */
export async function call<T = unknown>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    cookie?: string;
    /** Extra Worker variables: the request runs in a fresh app with this env (e.g. a live provider). */
    envOverrides?: Record<string, string>;
  } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { origin: "http://127.0.0.1:8787", ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  } else if (init.rawBody !== undefined) {
    headers["content-type"] ??= "application/json";
  }
  const url = `http://127.0.0.1:8787${path}`;
  const requestInit = { method: init.method ?? "GET", headers, body, redirect: "manual" as const };
  let res: Response;
  if (init.envOverrides) {
    const ctx = createExecutionContext();
    res = await createApp().request(url, requestInit, { ...env, ...init.envOverrides }, ctx);
    await waitOnExecutionContext(ctx);
  } else {
    res = await SELF.fetch(url, requestInit);
  }
  const text = await res.text();
  let parsed: unknown = text;
  if (res.headers.get("content-type")?.includes("json") && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export type { ErrorBody as ApiErrorBody } from "../../../contracts/errors.ts";
