import { SELF } from "cloudflare:test";

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the real Worker (default export) the way a browser would. */
export async function call<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; cookie?: string } = {},
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
  const res = await SELF.fetch(`http://127.0.0.1:8787${path}`, { method: init.method ?? "GET", headers, body, redirect: "manual" });
  const text = await res.text();
  let parsed: unknown = text;
  if (res.headers.get("content-type")?.includes("json") && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
