import { RoomServiceClient } from "livekit-server-sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { baseUrl, launchBrowser, watchPageErrors } from "./browser.ts";

export const PASSWORD = "correct-horse-battery-staple";
export const SEEDED_PASSWORD = "tollgate-dev-password";

/** Chromium logs every non-2xx fetch; the statuses a test provokes on purpose are not page errors. */
export const unexpected = (errors: string[], ...statuses: number[]) =>
  errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));

export const uniqueEmail = (prefix = "e2e") =>
  `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** A fresh cookie jar and storage, and the page's errors collected for the test to check. */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl(), acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, errors: watchPageErrors(page) };
}

/**
 * Call inside a describe: one Chromium for the suite, and an `open()` that gives each caller a
 * fresh context (closed after its test), so no cookie or storage leaks between tests.
 */
export function browserSuite(): () => Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async () => {
    if (!browser) throw new Error("browserSuite: the browser is not running");
    const opened = await openPage(browser);
    contexts.push(opened.context);
    return opened;
  };
}

/** Fills and sends the login form on the current page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Opens /login with a redirect back to `path` and signs in; resolves once `path` has loaded. */
export async function logInAt(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(`/login?${new URLSearchParams({ redirect: path }).toString()}`);
  await logIn(page, email, password);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}

let fixtureIp = Math.floor(Math.random() * 250);

/**
 * Registers an account through the API and opens the confirmation link from the dev mailbox,
 * the way auth.e2e.ts does through the UI (which that test already covers).
 */
export async function registerVerifiedUser(input: { email: string; password: string; displayName: string }) {
  // Each fixture account from its own documentation address (RFC 5737), so the per-IP registration
  // limit (10 an hour) is spent by what a test does in the browser, not by its fixtures. wrangler dev
  // keeps a CF-Connecting-IP the client sent; Cloudflare's edge replaces it, so this is no way around the limit there.
  const ip = `203.0.113.${(fixtureIp++ % 250) + 1}`;
  const register = await fetch(`${baseUrl()}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify(input),
  });
  if (register.status !== 202) throw new Error(`register: ${register.status} ${await register.text()}`);

  // The mail is sent after the response: wait for it, then confirm the way the page does (a POST).
  let link: string | undefined;
  for (let attempt = 0; attempt < 50 && !link; attempt++) {
    const outbox = await fetch(`${baseUrl()}/api/dev/outbox?${new URLSearchParams({ to: input.email }).toString()}`);
    const { messages } = (await outbox.json()) as { messages: OutboxMessage[] };
    link = messages.map((m) => /\/verify\?token=[^\s"<>]+/.exec(m.text)?.[0]).find((found): found is string => !!found);
    if (!link) await new Promise((r) => setTimeout(r, 100));
  }
  if (!link) throw new Error(`no confirmation email for ${input.email}`);
  const token = new URL(link, baseUrl()).searchParams.get("token");
  const verify = await fetch(`${baseUrl()}/api/auth/verify`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl(), "cf-connecting-ip": ip },
    body: JSON.stringify({ token }),
  });
  const { status } = (await verify.json()) as { status: string };
  if (status !== "ok") throw new Error(`verify: ${verify.status} → ${status}`);
}

/** The browser tier's own livekit-server; its webhooks go to this tier's Worker. Empty strings when the tier skips. */
export function liveKit(): { url: string; httpUrl: string; apiKey: string; apiSecret: string } {
  return {
    url: inject("livekitUrl"),
    httpUrl: inject("livekitHttpUrl"),
    apiKey: inject("livekitApiKey"),
    apiSecret: inject("livekitApiSecret"),
  };
}

/** The Room API of the tier's livekit-server, with its admin key: check what the Worker did to a room. */
export function liveKitRooms(): RoomServiceClient {
  const { httpUrl, apiKey, apiSecret } = liveKit();
  return new RoomServiceClient(httpUrl, apiKey, apiSecret);
}

/** The Worker's METER_INTERVAL_MS in this tier (production: 10 s). */
export const meterIntervalMs = (): number => inject("meterIntervalMs");

/** A signed-in API client with its own cookie jar, calling the API the way the browser does. */
export class ApiClient {
  private cookies = new Map<string, string>();

  async call<T = unknown>(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${baseUrl()}${path}`, {
      method: init.method ?? "GET",
      headers: {
        origin: baseUrl(),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  static async signIn(email: string, password: string): Promise<ApiClient> {
    const api = new ApiClient();
    const login = await api.call("/api/auth/login", { method: "POST", body: { email, password } });
    if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
    return api;
  }
}

/** A fresh verified viewer holding exactly `credits` (booked by the admin as an adjustment), signed in. */
export async function fundedViewer(
  credits: string,
  displayName = "Paying viewer",
): Promise<{ email: string; api: ApiClient }> {
  const email = uniqueEmail("viewer");
  await registerVerifiedUser({ email, password: PASSWORD, displayName });
  const api = await ApiClient.signIn(email, PASSWORD);
  const me = await api.call<{ user: { id: string } }>("/api/me");
  const admin = await ApiClient.signIn("admin@tollgate.test", SEEDED_PASSWORD);
  const adjusted = await admin.call(`/api/admin/users/${me.body.user.id}`, {
    method: "PATCH",
    body: { walletAdjustment: { amount: credits, reason: "e2e credits" } },
  });
  if (adjusted.status !== 200) throw new Error(`adjust: ${adjusted.status} ${JSON.stringify(adjusted.body)}`);
  return { email, api };
}

/** Page errors (uncaught exceptions) only: Chromium logs every refused fetch as a console error. */
export const pageErrors = (errors: string[]) => errors.filter((e) => e.startsWith("pageerror"));

/**
 * A verified account promoted to CREATOR by the admin: a fresh one has no stream left over from
 * other tests. Signed in again after the promotion, since a role change ends the user's sessions.
 */
export async function freshCreator(
  displayName: string,
  tag = "creator",
): Promise<{ email: string; id: string; api: ApiClient }> {
  const email = uniqueEmail(tag);
  await registerVerifiedUser({ email, password: PASSWORD, displayName });
  const before = await ApiClient.signIn(email, PASSWORD);
  const me = await before.call<{ user: { id: string } }>("/api/me");
  const admin = await ApiClient.signIn("admin@tollgate.test", SEEDED_PASSWORD);
  const promoted = await admin.call(`/api/admin/users/${me.body.user.id}`, {
    method: "PATCH",
    body: { role: "CREATOR" },
  });
  if (promoted.status !== 200) throw new Error(`promote: ${promoted.status} ${JSON.stringify(promoted.body)}`);
  return { email, id: me.body.user.id, api: await ApiClient.signIn(email, PASSWORD) };
}
