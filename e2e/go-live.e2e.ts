// The go-live wizard in Chromium with a fake camera, against the tier's livekit-server: creator1 opens
// it from the dashboard, fills in the details, checks the camera, goes live from the browser, the
// watch page shows the stream LIVE, and creator1 ends it from the wizard.
import { describe, expect, it } from "vitest";
import type { StreamDto } from "../contracts/streams.ts";
import { baseUrl, hasBrowser } from "./browser.ts";
import { ApiClient, browserSuite, liveKit, logInAt, SEEDED_PASSWORD, pageErrors } from "./helpers.ts";

const CREATOR = "creator1@tollgate.test";

async function streamStatus(id: string): Promise<StreamDto["status"]> {
  const res = await fetch(`${baseUrl()}/api/streams/${id}`);
  return ((await res.json()) as { stream: StreamDto }).stream.status;
}

/** A stream of creator1's left running by an earlier test file or run would be resumed: end it. */
async function endLeftovers(): Promise<void> {
  const api = await ApiClient.signIn(CREATOR, SEEDED_PASSWORD);
  const me = await api.call<{ user: { id: string } }>("/api/me");
  const list = await api.call<{ streams: StreamDto[] }>(`/api/streams/list?status=all&creatorId=${me.body.user.id}`);
  for (const stream of list.body.streams) {
    if (stream.status === "ENDED" || stream.status === "REMOVED") continue;
    const ended = await api.call(`/api/streams/${stream.id}`, { method: "DELETE" });
    if (ended.status !== 204) throw new Error(`end leftover ${stream.id}: ${ended.status}`);
  }
}

describe.skipIf(!hasBrowser() || !liveKit().url)("the go-live wizard", () => {
  const open = browserSuite();

  it(
    "creator1 walks the three steps, goes live from the browser and ends the stream",
    { timeout: 180_000 },
    async () => {
      await endLeftovers();
      const { page, errors } = await open();
      await logInAt(page, "/creator/dashboard", CREATOR, SEEDED_PASSWORD);
      await page.locator("#main").getByRole("link", { name: "Go live" }).click();
      await page.waitForURL((url) => url.pathname === "/creator/go-live");

      const current = page.locator('[data-testid="go-live-progress"] [aria-current="step"]');
      await expect.poll(() => current.textContent()).toContain("Details");
      expect(await page.getByTestId("go-live-progress").locator("li").count()).toBe(3);

      // Step 1: details.
      const title = page.getByRole("textbox", { name: "Title" });
      await title.fill("E2E: live from the wizard");
      await page.getByRole("textbox", { name: "Description" }).fill("Three steps and a fake camera.");
      await page.getByLabel("Category").selectOption("gaming");
      const tags = page.getByRole("textbox", { name: "Tags" });
      await tags.fill("wizard");
      await tags.press("Enter");
      await page.getByRole("button", { name: /^Next/ }).click();

      // Step 2: the camera preview and its test readout.
      await expect.poll(() => current.textContent()).toContain("Preview");
      const broadcastOrPreview = page.getByTestId("studio-preview");
      await expect
        .poll(() => broadcastOrPreview.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId("capture-test").textContent()).toMatch(/Camera sends \d+×\d+/);
      expect(await page.getByRole("radio", { name: /This browser/ }).isChecked()).toBe(true);

      // Back keeps what was typed; Next again saves it to the same stream.
      await page.getByRole("button", { name: "Back" }).click();
      await expect.poll(() => current.textContent()).toContain("Details");
      expect(await title.inputValue()).toBe("E2E: live from the wizard");
      expect(await page.getByTestId("tag-chip").allTextContents()).toEqual(["wizard"]);
      await page.getByRole("button", { name: /^Next/ }).click();
      await expect.poll(() => current.textContent()).toContain("Preview");
      await page.getByRole("button", { name: /^Next/ }).click();

      // Step 3: go live.
      await expect.poll(() => current.textContent()).toContain("Go live");
      const broadcast = page.getByTestId("go-live-broadcast");
      const streamId = await broadcast.getAttribute("data-stream-id");
      if (!streamId) throw new Error("no stream id on the broadcast step");
      await page.getByRole("button", { name: "Go live now" }).click();
      // LIVE comes from LiveKit's webhook once the track is up, not from the button.
      await expect.poll(() => broadcast.getAttribute("data-connection"), { timeout: 30_000 }).toBe("live");
      await page.getByTestId("you-are-live").waitFor({ timeout: 45_000 });
      expect(await streamStatus(streamId)).toBe("LIVE");
      const stream = ((await (await fetch(`${baseUrl()}/api/streams/${streamId}`)).json()) as { stream: StreamDto })
        .stream;
      expect([stream.title, stream.tags, stream.category?.slug]).toEqual([
        "E2E: live from the wizard",
        ["wizard"],
        "gaming",
      ]);
      // No going back while on air.
      expect(await page.getByRole("button", { name: "Back" }).count()).toBe(0);

      // The watch page (a guest's) shows the stream live.
      const watchLink = broadcast.getByRole("link", { name: "your watch page" });
      expect(await watchLink.getAttribute("href")).toBe(`/watch/${streamId}`);
      const viewer = await open();
      await viewer.page.goto(`/watch/${streamId}`);
      await expect
        .poll(() => viewer.page.getByTestId("stream-info").getByTestId("stream-status").getAttribute("data-status"))
        .toBe("LIVE");

      // End it from the wizard.
      await page.getByRole("button", { name: "End stream" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "End stream" }).click();
      await page.getByTestId("stream-finished").waitFor();
      expect(await streamStatus(streamId)).toBe("ENDED");
      expect(pageErrors(errors)).toEqual([]);
    },
  );
});
