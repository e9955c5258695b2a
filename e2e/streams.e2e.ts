// Live video in Chromium with a fake camera, against the tier's livekit-server: creator1 goes live
// from /creator/stream, viewers watch on /watch/:id and pay per interval, a viewer runs dry and tops
// up through the test checkout, and a viewer whose ticks never arrive is cut off by the server.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StreamDto } from "../contracts/streams.ts";
import { baseUrl, hasBrowser, launchBrowser } from "./browser.ts";
import {
  liveKit,
  logInAt,
  meterIntervalMs,
  openPage,
  fundedViewer,
  PASSWORD,
  SEEDED_PASSWORD,
  pageErrors,
} from "./helpers.ts";

const CREATOR = "creator1@tollgate.test";
const VIEWER = "viewer1@tollgate.test";
const OTHER_VIEWER = "viewer2@tollgate.test";

/** Credits as the page shows them ("1,000", "999.8") to millicredits, exactly. */
function millis(text: string | null): number {
  const match = /(-|\u2212)?([\d,]+)(?:\.(\d{1,3}))?/.exec(text ?? "");
  if (!match) throw new Error(`not a credits amount: ${text}`);
  const [, sign, whole = "0", fraction = ""] = match;
  const value = Number(whole.replaceAll(",", "")) * 1000 + Number(fraction.padEnd(3, "0"));
  return sign ? -value : value;
}

const videoWidth = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.videoWidth);
const currentTime = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime);
const hasSource = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.srcObject !== null);

/** Frames arrive and time moves on. */
async function expectPlaying(page: Page) {
  const video = page.getByTestId("stream-video");
  await expect.poll(() => videoWidth(video), { timeout: 20_000 }).toBeGreaterThan(0);
  const before = await currentTime(video);
  await expect.poll(() => currentTime(video), { timeout: 5_000 }).toBeGreaterThan(before + 0.5);
}

/** Nothing plays any more: the tracks were taken off the element, or its clock stopped. */
async function expectStopped(page: Page) {
  const video = page.getByTestId("stream-video");
  if (!(await hasSource(video))) return;
  const before = await currentTime(video);
  await page.waitForTimeout(1_000);
  expect(await currentTime(video)).toBeLessThan(before + 0.2);
}

/** Page errors (uncaught exceptions) only: Chromium logs every refused fetch and LiveKit its reconnects. */

describe.skipIf(!hasBrowser() || !liveKit().url)("live streams in Chromium", () => {
  let browser: Browser | undefined;
  /** The creator's page stays open (and live) across the tests. */
  let creator: { context: BrowserContext; page: Page; errors: string[] } | undefined;
  let stream: StreamDto | undefined;
  const viewers: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const context of viewers.splice(0)) await context.close();
  });
  afterAll(async () => {
    await creator?.context.close();
    await browser?.close();
  });

  const openViewer = async () => {
    if (!browser) throw new Error("no browser");
    const opened = await openPage(browser);
    viewers.push(opened.context);
    return opened;
  };
  const liveStream = (): StreamDto => {
    if (!stream) throw new Error("creator1 did not go live (first test)");
    return stream;
  };
  /** What one interval costs at the stream's rate, in millicredits. */
  const intervalPrice = () => Math.floor((millis(liveStream().ratePerMinute) * meterIntervalMs()) / 60_000);

  it("creator1 goes live from /creator/stream", async () => {
    if (!browser) throw new Error("no browser");
    creator = await openPage(browser);
    const { page } = creator;
    await logInAt(page, "/creator/stream", CREATOR, SEEDED_PASSWORD);

    // A stream left over from an earlier run (or test file) is resumed: end it, to start afresh.
    const setupHeading = page.getByRole("heading", { name: "Set up your stream" });
    const studio = page.getByTestId("studio");
    await setupHeading.or(studio).waitFor();
    if (await studio.isVisible()) {
      await page.getByRole("button", { name: "End stream" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "End stream" }).click();
      await page.getByRole("button", { name: "Set up a new stream" }).click();
    }

    await page.getByLabel("Title").fill("E2E: live from the browser");
    await page.getByLabel("Category").selectOption("gaming");
    await page.getByLabel("Description").fill("A fake camera, a real SFU.");
    await page.getByRole("button", { name: "Create stream" }).click();

    await studio.waitFor();
    const streamId = await studio.getAttribute("data-stream-id");
    expect(streamId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId("stream-status").getAttribute("data-status")).toBe("SCHEDULED");

    // OBS: the WHIP server and its token, masked until revealed.
    const panel = page.getByTestId("ingest-panel");
    expect(await panel.getByRole("textbox", { name: "Server URL" }).inputValue()).toContain("/whip");
    const token = panel.getByTestId("whip-token");
    expect(await token.getAttribute("type")).toBe("password");
    await panel.getByRole("button", { name: "Reveal" }).click();
    expect(await token.getAttribute("type")).toBe("text");
    const firstToken = await token.inputValue();
    await panel.getByRole("button", { name: "Rotate token" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate token" }).click();
    await panel.getByText("New token issued").waitFor();
    expect(await token.inputValue()).not.toBe(firstToken);

    // The fake camera previews, then goes out.
    const preview = page.getByTestId("studio-preview");
    await expect.poll(() => videoWidth(preview), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Go live" }).click();
    await expect
      .poll(() => page.getByTestId("publisher-connection").getAttribute("data-state"), { timeout: 15_000 })
      .toBe("live");
    // LIVE comes from LiveKit's webhook once the track is published, not from the button.
    await expect
      .poll(() => page.getByTestId("stream-status").getAttribute("data-status"), { timeout: 20_000 })
      .toBe("LIVE");
    await page.getByTestId("studio-duration").waitFor();

    const res = await fetch(`${baseUrl()}/api/streams/${streamId}`);
    stream = ((await res.json()) as { stream: StreamDto }).stream;
    expect(stream.status).toBe("LIVE");
    expect(pageErrors(creator.errors)).toEqual([]);
  });

  it("viewer1 finds the stream on the home page, watches it and pays each interval", async () => {
    const live = liveStream();
    const { page, errors } = await openViewer();
    await logInAt(page, "/", VIEWER, SEEDED_PASSWORD);

    const card = page.locator(`[data-testid="stream-card"][data-stream-id="${live.id}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain("E2E: live from the browser");
    expect(await card.textContent()).toContain("Creator One");
    await card.getByRole("link", { name: "E2E: live from the browser" }).click();
    await page.waitForURL(new RegExp(`/watch/${live.id}$`));
    expect(await page.getByTestId("stream-creator").textContent()).toBe("Creator One");

    await page.getByRole("button", { name: "Start watching" }).click();
    await expectPlaying(page);

    // The balance falls by one interval's price per interval. The first interval may cost less: it
    // starts before the first frame, and only playback is billed.
    const balance = page.getByTestId("watch-balance");
    expect(await balance.locator("..").getAttribute("aria-live")).toBe("polite");
    const price = intervalPrice();
    const readings: number[] = [millis(await balance.textContent())];
    for (let i = 0; i < 4; i++) {
      const last = readings.at(-1) ?? 0;
      await expect
        .poll(async () => millis(await balance.textContent()), { timeout: 4 * meterIntervalMs() })
        .toBeLessThan(last);
      readings.push(millis(await balance.textContent()));
    }
    const steps = readings.slice(1).map((value, i) => (readings[i] ?? 0) - value);
    for (const step of steps) expect(step).toBeLessThanOrEqual(price);
    expect(steps.slice(1).filter((step) => step === price).length).toBeGreaterThanOrEqual(2);
    // The navbar follows.
    await expect
      .poll(async () => millis(await page.getByTestId("navbar-balance").textContent()), { timeout: 5_000 })
      .toBeLessThanOrEqual(readings.at(-1) ?? 0);
    expect(await page.getByTestId("next-debit").textContent()).toMatch(/Next debit in \d+ s/);

    // The creator sees the viewer.
    await expect
      .poll(async () => creator?.page.getByTestId("studio-viewers").textContent(), { timeout: 15_000 })
      .toMatch(/^[1-9]\d* viewers?$/);

    await page.getByRole("button", { name: "Stop watching" }).click();
    await page.getByRole("button", { name: "Start watching" }).waitFor();
    expect(pageErrors(errors)).toEqual([]);
  });

  it("a viewer who runs dry is stopped, tops up through the test checkout and resumes", async () => {
    const live = liveStream();
    // Two intervals' worth: 2 credits at the production interval (10 s at 6 credits/min).
    const credits = ((2 * intervalPrice()) / 1000).toFixed(3);
    const { email } = await fundedViewer(credits, "Thrifty Viewer");
    const { page, errors } = await openViewer();
    await logInAt(page, `/watch/${live.id}`, email, PASSWORD);

    await page.getByRole("button", { name: "Start watching" }).click();
    await expectPlaying(page);

    const dialog = page.getByTestId("top-up-dialog");
    await dialog.waitFor({ timeout: 8 * meterIntervalMs() + 10_000 });
    expect(await page.getByRole("dialog").getByRole("heading", { name: "Your credits ran out" }).count()).toBe(1);
    await page.getByTestId("exhausted-notice").waitFor({ state: "attached" });
    await expectStopped(page);

    const starter = dialog
      .getByTestId("price-card")
      .filter({ has: page.getByRole("heading", { name: "Starter", exact: true }) });
    await starter.getByTestId("buy-button").click();
    await page.waitForURL(/\/dev\/checkout\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Pay (test)" }).click();
    await page.waitForURL(/\/dashboard\/credits\?payment=/);
    await expect
      .poll(() => page.getByTestId("checkout-banner").textContent(), { timeout: 10_000 })
      .toContain("Payment received");

    await page.getByTestId("checkout-return").click();
    await page.waitForURL(new RegExp(`/watch/${live.id}\\?resume=1$`));
    await page.getByRole("button", { name: "Resume" }).click();
    await expectPlaying(page);
    expect(millis(await page.getByTestId("watch-balance").textContent())).toBeGreaterThanOrEqual(100_000);
    expect(pageErrors(errors)).toEqual([]);
  });

  it("a viewer whose ticks never reach the server is cut off by it", async () => {
    const live = liveStream();
    const { page, errors } = await openViewer();
    await logInAt(page, `/watch/${live.id}`, OTHER_VIEWER, SEEDED_PASSWORD);
    await page.route("**/api/meter", (route) => route.abort());

    await page.getByRole("button", { name: "Start watching" }).click();
    // Frames arrived: the viewer was in the room. (Not expectPlaying: with ticks blocked the
    // watchdog may cut it off within two short test intervals, before the clock check ends.)
    await expect.poll(() => videoWidth(page.getByTestId("stream-video")), { timeout: 20_000 }).toBeGreaterThan(0);

    // The session's watchdog ends it two intervals after its start and removes the viewer from the room.
    const ended = page.getByTestId("session-ended");
    await ended.waitFor({ timeout: 6 * meterIntervalMs() + 10_000 });
    expect(await ended.getAttribute("role")).toBe("alert");
    await expectStopped(page);
    // No reconnect behind the viewer's back.
    await page.waitForTimeout(2 * meterIntervalMs());
    expect(await ended.isVisible()).toBe(true);
    await expectStopped(page);
    expect(pageErrors(errors)).toEqual([]);
  });

  it("creator1 ends the stream", async () => {
    const live = liveStream();
    const page = creator?.page;
    if (!page) throw new Error("no creator page");
    await page.getByRole("button", { name: "End stream" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "End stream" }).click();
    await page.getByTestId("stream-finished").waitFor();
    const res = await fetch(`${baseUrl()}/api/streams/${live.id}`);
    expect(((await res.json()) as { stream: StreamDto }).stream.status).toBe("ENDED");
  });
});
