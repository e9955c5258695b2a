// The admin console's streams, payments and analytics pages in Chromium, against the tier's
// livekit-server: a fresh creator goes live from /creator/stream (Chromium's fake camera, as in
// streams.e2e.ts), a viewer watches it, an admin takes it down from /admin/streams/:id, and the
// viewer's player stops with "This stream was removed"; LiveKit's room is gone.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamDto } from "../contracts/streams.ts";
import { baseUrl, hasBrowser, launchBrowser } from "./browser.ts";
import {
  fundedViewer,
  liveKit,
  liveKitRooms,
  logInAt,
  openPage,
  PASSWORD,
  SEEDED_PASSWORD,
  unexpected,
  freshCreator,
  pageErrors,
} from "./helpers.ts";

const ADMIN = "admin@tollgate.test";
const started = Date.now();
/** Progress in the log: this tier runs on a busy machine, and a timeout should say where it stood. */
const step = (what: string) => console.info(`[admin-streams +${Math.round((Date.now() - started) / 1000)}s] ${what}`);

describe.skipIf(!hasBrowser() || !liveKit().url)("the admin console: streams, takedown, payments, analytics", () => {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let stream: StreamDto | undefined;

  const open = async () => {
    if (!browser) throw new Error("no browser");
    const opened = await openPage(browser);
    contexts.push(opened.context);
    return opened;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    // A fresh creator goes live from /creator/stream with Chromium's fake camera (as in streams.e2e.ts).
    const { email } = await freshCreator("Takedown Creator", "takedown-creator");
    const creator = await open();
    await logInAt(creator.page, "/creator/stream", email, PASSWORD);
    await creator.page.getByLabel("Title").fill("E2E: to be taken down");
    await creator.page.getByLabel("Category").selectOption("gaming");
    await creator.page.getByRole("button", { name: "Create stream" }).click();
    const studio = creator.page.getByTestId("studio");
    await studio.waitFor();
    const id = await studio.getAttribute("data-stream-id");
    if (!id) throw new Error("no stream id on the studio");
    const preview = creator.page.getByTestId("studio-preview");
    for (const until = Date.now() + 20_000; ;) {
      if ((await preview.evaluate((v: HTMLVideoElement) => v.videoWidth)) > 0) break;
      if (Date.now() > until) throw new Error("no camera preview");
      await new Promise((r) => setTimeout(r, 200));
    }
    await creator.page.getByRole("button", { name: "Go live" }).click();
    // LIVE comes from LiveKit's webhook once the track is up (expect.poll is for tests only).
    for (const until = Date.now() + 30_000; ;) {
      const res = await fetch(`${baseUrl()}/api/streams/${id}`);
      stream = ((await res.json()) as { stream: StreamDto }).stream;
      if (stream.status === "LIVE") break;
      if (Date.now() > until) throw new Error(`stream ${id} did not go LIVE`);
      await new Promise((r) => setTimeout(r, 300));
    }
    step("creator is live");
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it("an admin takes a live stream down and the viewer's player stops with the removed message", async () => {
    if (!stream) throw new Error("no stream");
    const id = stream.id;
    const { email } = await fundedViewer("50", "Watching Viewer");
    const viewer = await open();
    await logInAt(viewer.page, `/watch/${id}`, email, PASSWORD);
    await viewer.page.getByRole("button", { name: "Start watching" }).click();
    // Watching: the paid session runs (the headless publisher's frames need not decode in Chromium).
    await viewer.page.getByRole("button", { name: "Stop watching" }).waitFor({ timeout: 20_000 });
    await viewer.page.getByTestId("watch-balance").waitFor();

    step("viewer is watching");
    const admin = await open();
    await logInAt(admin.page, "/admin/streams", ADMIN, SEEDED_PASSWORD);
    step("admin on /admin/streams");
    const liveRow = admin.page.locator(`[data-testid="live-stream-row"][data-stream-id="${id}"]`);
    await liveRow.waitFor({ timeout: 20_000 });
    await liveRow.getByRole("link", { name: "E2E: to be taken down" }).click();
    await admin.page.getByTestId("admin-stream-status").waitFor({ timeout: 60_000 });
    expect(new URL(admin.page.url()).pathname).toBe(`/admin/streams/${id}`);

    step("admin on the stream's page");
    await admin.page.getByRole("button", { name: "Take down" }).click();
    const dialog = admin.page.getByRole("dialog");
    // An empty reason is refused in the form.
    await dialog.getByRole("button", { name: "Take down" }).click();
    await dialog.getByText("Say why (at least 3 characters).").waitFor();
    await dialog.getByLabel(/Reason/).fill("Breaks the community rules");
    await dialog.getByRole("button", { name: "Take down" }).click();
    await admin.page.getByText("Taken down", { exact: true }).first().waitFor();
    expect(await admin.page.getByTestId("admin-stream-status").textContent()).toBe("Removed");
    expect(await admin.page.getByTestId("takedown-announcement").textContent()).toBe("The stream was taken down.");
    await admin.page.getByRole("cell", { name: "Breaks the community rules" }).waitFor();

    step("taken down");
    // The viewer's player stops with the reason, without a reload.
    const ended = viewer.page.getByTestId("session-ended");
    await ended.waitFor({ timeout: 15_000 });
    expect(await ended.getAttribute("data-reason")).toBe("stream_removed");
    expect(await ended.getByRole("heading").textContent()).toBe("This stream was removed");
    expect(await viewer.page.getByRole("button", { name: "Watch again" }).count()).toBe(0);
    expect(await viewer.page.getByRole("button", { name: "Stop watching" }).count()).toBe(0);
    // LiveKit's room is gone.
    expect((await liveKitRooms().listRooms([`stream_${id}`])).length).toBe(0);
    expect(pageErrors(viewer.errors)).toEqual([]);
    expect(pageErrors(admin.errors)).toEqual([]);
  }, 180_000);

  it("the payments page shows the revenue chart, the provider split and the failed-webhook list", async () => {
    const admin = await open();
    await logInAt(admin.page, "/admin/payments", ADMIN, SEEDED_PASSWORD);
    await admin.page.getByRole("heading", { name: "Payments", level: 1 }).waitFor();
    const chart = admin.page.getByTestId("revenue-chart");
    await chart.locator("canvas").first().waitFor({ timeout: 15_000 });
    expect(await admin.page.getByTestId("revenue-gross").textContent()).toMatch(/^\d+\.\d{2}$/);
    expect(await admin.page.getByTestId("revenue-split").textContent()).toMatch(
      /Stripe \d+\.\d{2} · Coinbase \d+\.\d{2}/,
    );
    expect(await admin.page.getByTestId("provider-row").count()).toBe(2);
    const webhooks = admin.page.getByTestId("failed-webhooks");
    await webhooks.getByRole("heading", { name: "Failed provider events" }).waitFor();
    await webhooks.getByTestId("webhook-row").first().or(webhooks.getByText("No failed provider events.")).waitFor();
    // Grouping by month keeps the chart and changes the URL.
    await admin.page.getByLabel("Group by").selectOption("month");
    await admin.page.getByRole("button", { name: "Show" }).click();
    await admin.page.waitForURL(/groupBy=month/);
    await chart.locator("canvas").first().waitFor();
    expect(unexpected(pageErrors(admin.errors))).toEqual([]);
  }, 120_000);

  it("the analytics page renders the figures and the charts", async () => {
    const admin = await open();
    await logInAt(admin.page, "/admin/analytics", ADMIN, SEEDED_PASSWORD);
    const streams = admin.page.getByTestId("analytics-streams");
    await expect.poll(async () => Number(await streams.textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await admin.page.getByTestId("analytics-peak").textContent()).toMatch(/^\d+$/);
    expect(await admin.page.getByTestId("analytics-watch").textContent()).toMatch(/^(\d+h )?\d+m$/);
    await admin.page.getByTestId("analytics-streams-chart").locator("canvas").first().waitFor();
    await admin.page.getByTestId("analytics-watch-chart").locator("canvas").first().waitFor();
    expect(pageErrors(admin.errors)).toEqual([]);
  }, 120_000);
});
