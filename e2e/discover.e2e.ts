import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { ApiClient, browserSuite, fundedViewer, logInAt, PASSWORD, SEEDED_PASSWORD } from "./helpers.ts";

async function creatorWithStreams(titles: string[]): Promise<{ creatorId: string }> {
  const creator = await ApiClient.signIn("creator2@tollgate.test", SEEDED_PASSWORD);
  for (const title of titles) {
    const res = await creator.call("/api/streams", { method: "POST", body: { title, category: "music" } });
    if (res.status !== 201) throw new Error(`create stream ${res.status} ${JSON.stringify(res.body)}`);
  }
  const me = await creator.call<{ user: { id: string } }>("/api/me");
  return { creatorId: me.body.user.id };
}

describe.skipIf(!hasBrowser())("browse, search and follow in Chromium", () => {
  const open = browserSuite();

  it("searches with the filters in the URL, and Back restores the previous search", async () => {
    // Each title its own random word: a shared one would make the two titles similar to either search.
    const tag = crypto.randomUUID().slice(0, 6);
    const other = crypto.randomUUID().slice(0, 6);
    await creatorWithStreams([`Zebra chess ${tag}`, `Quiet piano ${other}`]);
    const { page, errors } = await open();
    await page.goto("/browse");
    await page.getByRole("heading", { level: 1, name: "Browse" }).waitFor();

    const search = page.getByLabel("Search streams, creators and categories");
    await search.fill(`zebra chess ${tag}`);
    await page.waitForURL((url) => url.searchParams.get("q") === `zebra chess ${tag}`);
    const cards = page.getByTestId("stream-card");
    await expect.poll(() => cards.allInnerTexts()).toEqual([expect.stringContaining(`Zebra chess ${tag}`)]);

    await search.fill(`piano ${other}`);
    await page.waitForURL((url) => url.searchParams.get("q") === `piano ${other}`);
    await expect.poll(() => cards.allInnerTexts()).toEqual([expect.stringContaining(`Quiet piano ${other}`)]);

    await page.getByRole("button", { name: "Music" }).click();
    await page.waitForURL((url) => url.searchParams.get("category") === "music");
    await expect.poll(() => cards.count()).toBe(1);

    // Back: the category goes, then the first search comes back, box and results alike.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("category") === null);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("q") === `zebra chess ${tag}`);
    await expect.poll(() => search.inputValue()).toBe(`zebra chess ${tag}`);
    await expect.poll(() => cards.allInnerTexts()).toEqual([expect.stringContaining(`Zebra chess ${tag}`)]);

    // A shared link opens the same results.
    await page.goto(`/browse?q=${encodeURIComponent(`quiet piano ${other}`)}`);
    await expect.poll(() => cards.allInnerTexts()).toEqual([expect.stringContaining(`Quiet piano ${other}`)]);
    await page.getByRole("button", { name: "Clear search" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === null);
    expect(errors).toEqual([]);
  });

  it("follows a creator from their profile and finds them on the following page", async () => {
    const { creatorId } = await creatorWithStreams([`Profile stream ${crypto.randomUUID().slice(0, 6)}`]);
    const { email } = await fundedViewer("1.000", "Follower");
    const { page, errors } = await open();
    await logInAt(page, `/creator/${creatorId}`, email, PASSWORD);
    await page.getByRole("heading", { name: "Creator Two" }).waitFor();
    await expect.poll(() => page.title()).toBe("Creator Two · Tollgate");
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("Creator Two · Tollgate");
    const count = page.getByTestId("follower-count");
    const before = Number((await count.innerText()).replace(/\D/g, ""));

    await page.getByRole("button", { name: "Follow" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Following" }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => Number((await count.innerText()).replace(/\D/g, ""))).toBe(before + 1);

    await page.goto("/dashboard/following");
    const row = page.locator(`[data-testid="followed-creator"][data-creator-id="${creatorId}"]`);
    await row.waitFor();
    await row.getByRole("button", { name: /Unfollow/ }).click();
    await expect.poll(() => row.count()).toBe(0);

    // The server agrees: a reload shows nobody, and the profile's count is back.
    await page.reload();
    await page.getByText("You don't follow anyone yet").waitFor();
    await page.goto(`/creator/${creatorId}`);
    await expect.poll(async () => Number((await count.innerText()).replace(/\D/g, ""))).toBe(before);
    expect(errors).toEqual([]);
  });
});
