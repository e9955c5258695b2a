import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, hasBrowser, launchBrowser, watchPageErrors } from "./browser.ts";

describe.skipIf(!hasBrowser())("home page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the categories from Postgres", async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(baseUrl());
    const cards = page.getByTestId("category-card");
    await cards.first().waitFor();
    const names = await cards.allInnerTexts();
    expect(names.join(" ")).toContain("Gaming");
    expect(names.join(" ")).toContain("Education");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("serves the SPA for deep links and shows the not-found page", async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${baseUrl()}/no/such/page`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Page not found" }).textContent()).resolves.toBe("Page not found");
    await page.close();
  });

  it("keeps /api routes on the Worker: unknown API paths get the JSON 404", async () => {
    const res = await fetch(`${baseUrl()}/api/does-not-exist`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe("NOT_FOUND");
  });
});
