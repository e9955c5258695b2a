// Creator settings in Chromium: a fresh creator changes the display name, bio and stream defaults
// (chips for tags, by keyboard), the public profile shows the new text, and the go-live wizard starts
// from the saved defaults.
import { describe, expect, it } from "vitest";
import type { CategoryDto } from "../contracts/categories.ts";
import type { CreatorSettingsDto } from "../contracts/creator-settings.ts";
import { baseUrl, hasBrowser } from "./browser.ts";
import { browserSuite, logInAt, PASSWORD, freshCreator, pageErrors } from "./helpers.ts";

describe.skipIf(!hasBrowser())("creator settings", () => {
  const open = browserSuite();

  it(
    "saves the profile and stream defaults, shows them publicly and prefills the wizard",
    { timeout: 120_000 },
    async () => {
      const creator = await freshCreator("Settings Newcomer", "settings");
      const categories = ((await (await fetch(`${baseUrl()}/api/categories`)).json()) as { categories: CategoryDto[] })
        .categories;
      const category = categories.at(-1);
      if (!category) throw new Error("no seeded category");
      const { page, errors } = await open();
      await logInAt(page, "/creator/settings", creator.email, PASSWORD);

      const name = page.getByRole("textbox", { name: "Display name" });
      await expect.poll(() => name.inputValue()).toBe("Settings Newcomer");

      // A one-letter name is refused in the page, and nothing is saved.
      await name.fill("Z");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("At least 2 characters").waitFor();
      expect((await creator.api.call<CreatorSettingsDto>("/api/creator/settings")).body.profile.displayName).toBe(
        "Settings Newcomer",
      );

      const displayName = `Zoe ${Math.random().toString(36).slice(2, 7)}`;
      await name.fill(displayName);
      const bio = "Speedruns of old console games, most nights.";
      await page.getByRole("textbox", { name: "Bio" }).fill(bio);
      expect(await page.getByTestId("bio-counter").textContent()).toBe(`${bio.length} / 500 characters`);
      await page.getByLabel("Default category").selectOption(category.id);

      // Tags by keyboard: Enter and a comma add, Backspace in the empty box removes the last chip.
      const tags = page.getByRole("textbox", { name: "Default tags" });
      await tags.fill("Retro");
      await tags.press("Enter");
      await tags.pressSequentially("chill,");
      await tags.pressSequentially("oops");
      await tags.press("Enter");
      expect(await page.getByTestId("tag-chip").allTextContents()).toEqual(["retro", "chill", "oops"]);
      expect(await tags.inputValue()).toBe("");
      await tags.press("Backspace");
      expect(await page.getByTestId("tag-chip").allTextContents()).toEqual(["retro", "chill"]);
      await page.getByRole("button", { name: "Remove tag chill" }).click();
      await tags.pressSequentially("chill");
      await tags.press("Enter");
      await page.getByLabel("Browser streaming quality").selectOption("480p");

      await page.getByRole("button", { name: "Save settings" }).click();
      await expect.poll(() => page.getByTestId("settings-saved").textContent()).toMatch(/^Saved at /);
      const saved = await creator.api.call<CreatorSettingsDto>("/api/creator/settings");
      expect(saved.body).toEqual({
        profile: { displayName, bio, avatarUrl: null },
        defaults: { categoryId: category.id, tags: ["retro", "chill"], quality: "480p" },
      });

      // A reload reads them back.
      await page.reload();
      await expect.poll(() => name.inputValue()).toBe(displayName);
      expect(await page.getByTestId("tag-chip").allTextContents()).toEqual(["retro", "chill"]);
      expect(await page.getByLabel("Browser streaming quality").inputValue()).toBe("480p");

      // The public profile shows the new name and bio.
      await page.goto(`/creator/${creator.id}`);
      await page.getByRole("heading", { level: 1, name: displayName }).waitFor();
      await page.getByText(bio).waitFor();

      // The wizard starts from the defaults, and holds step 1 until there is a title.
      await page.goto("/creator/go-live");
      const title = page.getByRole("textbox", { name: "Title" });
      await title.waitFor();
      expect(await page.getByLabel("Category").inputValue()).toBe(category.slug);
      expect(await page.getByTestId("tag-chip").allTextContents()).toEqual(["retro", "chill"]);
      await page.getByRole("button", { name: /^Next/ }).click();
      await page.getByText("At least 3 characters").waitFor();
      expect(await page.locator('[aria-current="step"]').textContent()).toContain("Details");

      await title.fill("Defaults at work");
      await page.getByRole("button", { name: /^Next/ }).click();
      await expect.poll(() => page.locator('[aria-current="step"]').textContent()).toContain("Preview");
      // The quality starts from the default too.
      expect(await page.getByLabel("Quality").inputValue()).toBe("480p");
      const streams = await creator.api.call<{
        streams: { title: string; tags: string[]; category: { slug: string } | null }[];
      }>(`/api/streams/list?status=all&creatorId=${creator.id}`);
      expect(streams.body.streams.map((s) => [s.title, s.tags, s.category?.slug])).toEqual([
        ["Defaults at work", ["retro", "chill"], category.slug],
      ]);
      expect(pageErrors(errors)).toEqual([]);
    },
  );
});
