// The stream manager (/creator/streams) in Chromium: filters and sorts kept in the URL, an edit
// through the row menu, and a confirmed bulk delete, checked against what the API then says.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CreatorStreamsPage } from "../contracts/creator-streams.ts";
import { hasBrowser } from "./browser.ts";
import { ApiClient, browserSuite, logInAt, PASSWORD, freshCreator } from "./helpers.ts";

async function createStream(api: ApiClient, title: string): Promise<string> {
  const res = await api.call<{ stream: { id: string } }>("/api/streams", { method: "POST", body: { title } });
  if (res.status !== 201) throw new Error(`create ${title}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.stream.id;
}

const titlesOnPage = (page: Page) => page.getByTestId("stream-title").allInnerTexts();
const ariaSort = (page: Page, name: string) => page.getByRole("columnheader", { name }).getAttribute("aria-sort");

describe.skipIf(!hasBrowser())("the creator's stream manager in Chromium", () => {
  const open = browserSuite();

  it("filters, sorts, edits and bulk-deletes, with the view in the URL", { timeout: 120_000 }, async () => {
    const creator = await freshCreator("Stream Manager", "manager");
    const scheduled = ["Bravo scheduled", "alpha scheduled"];
    const ended = ["Delta ended", "charlie ended"];
    const ids = new Map<string, string>();
    for (const title of [...scheduled, ...ended]) ids.set(title, await createStream(creator.api, title));
    for (const title of ended) {
      const res = await creator.api.call(`/api/streams/${ids.get(title)}`, { method: "DELETE" });
      expect(res.status).toBe(204);
    }

    const { page, errors } = await open();
    await logInAt(page, "/creator/dashboard", creator.email, PASSWORD);
    await page.locator("#main").getByRole("link", { name: "Manage streams" }).click();
    await page.waitForURL((url) => url.pathname === "/creator/streams");
    await page.getByRole("heading", { level: 1, name: "Streams" }).waitFor();
    await expect.poll(() => page.getByTestId("stream-row").count()).toBe(4);
    expect(await page.getByTestId("new-stream").getAttribute("href")).toBe("/creator/go-live");
    expect(await ariaSort(page, "Date")).toBe("descending");

    // Filter: only ended streams.
    await page.getByTestId("status-ENDED").click();
    await page.waitForURL((url) => url.searchParams.get("status") === "ENDED");
    await expect.poll(async () => (await titlesOnPage(page)).sort()).toEqual([...ended].sort());

    // Sort by title with the mouse (A→Z, case-insensitive), then flip it with the keyboard.
    await page.getByTestId("sort-title").click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "title");
    await expect.poll(() => titlesOnPage(page)).toEqual(["charlie ended", "Delta ended"]);
    expect(await ariaSort(page, "Title")).toBe("ascending");
    expect(await ariaSort(page, "Date")).toBe("none");
    await page.getByTestId("sort-title").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("dir") === "desc");
    await expect.poll(() => titlesOnPage(page)).toEqual(["Delta ended", "charlie ended"]);
    expect(await ariaSort(page, "Title")).toBe("descending");

    // Back restores the previous view; a reload keeps the current one.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("sort") === "title" && !url.searchParams.has("dir"));
    await expect.poll(() => titlesOnPage(page)).toEqual(["charlie ended", "Delta ended"]);
    expect(await ariaSort(page, "Title")).toBe("ascending");
    await page.reload();
    await expect.poll(() => titlesOnPage(page)).toEqual(["charlie ended", "Delta ended"]);
    expect(await page.getByTestId("status-ENDED").getAttribute("aria-pressed")).toBe("true");
    expect(await ariaSort(page, "Title")).toBe("ascending");

    // Edit a title through the row's menu.
    const charlie = page.locator(`[data-testid="stream-row"][data-stream-id="${ids.get("charlie ended")}"]`);
    await charlie.getByRole("button", { name: "Actions for charlie ended" }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit stream" });
    await dialog.getByRole("textbox", { name: "Title" }).fill("Echo renamed");
    await dialog.getByRole("textbox", { name: "Tags" }).fill("Recap, chess");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => charlie.getByTestId("stream-title").innerText()).toBe("Echo renamed");
    await expect.poll(() => page.getByTestId("streams-announcement").innerText()).toBe("Saved “Echo renamed”.");
    const renamed = await creator.api.call<{ stream: { title: string; tags: string[] } }>(
      `/api/streams/${ids.get("charlie ended")}`,
    );
    expect(renamed.body.stream).toMatchObject({ title: "Echo renamed", tags: ["recap", "chess"] });

    // Bulk-delete the two scheduled streams, after confirming.
    await page.getByTestId("status-SCHEDULED").click();
    await page.waitForURL((url) => url.searchParams.get("status") === "SCHEDULED");
    await expect.poll(async () => (await titlesOnPage(page)).sort()).toEqual([...scheduled].sort());
    await page.getByTestId("select-all").check();
    await expect.poll(() => page.getByTestId("selected-count").innerText()).toBe("2 streams selected");
    await page.getByTestId("bulk-delete").click();
    const confirm = page.getByRole("dialog", { name: "Delete 2 streams?" });
    await confirm.waitFor();
    // Cancel first: nothing happens.
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "hidden" });
    expect(await page.getByTestId("stream-row").count()).toBe(2);
    await page.getByTestId("bulk-delete").click();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => page.getByTestId("streams-announcement").innerText()).toBe("Deleted 2 streams.");
    await page.getByTestId("streams-empty").waitFor();

    const left = await creator.api.call<CreatorStreamsPage>("/api/creator/streams?limit=100");
    expect(left.body.streams.map((s) => s.title).sort()).toEqual(["Delta ended", "Echo renamed"]);
    for (const title of scheduled) {
      expect((await creator.api.call(`/api/streams/${ids.get(title)}`)).status).toBe(404);
    }
    expect(errors).toEqual([]);
  });
});
