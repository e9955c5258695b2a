// The creator's dashboard and analytics pages in Chromium, against the figures the API gives the
// same signed-in creator.
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { ApiClient, browserSuite, logInAt, SEEDED_PASSWORD } from "./helpers.ts";

const CREATOR = "creator1@tollgate.test";

describe.skipIf(!hasBrowser())("creator dashboard and analytics in Chromium", () => {
  const open = browserSuite();

  it("shows the total earnings the API reports", async () => {
    const api = await ApiClient.signIn(CREATOR, SEEDED_PASSWORD);
    const earnings = await api.call<{ total: string; pending: string }>("/api/creator/earnings");
    expect(earnings.status).toBe(200);

    const { page, errors } = await open();
    await logInAt(page, "/creator/dashboard", CREATOR, SEEDED_PASSWORD);
    await page.getByRole("heading", { level: 1, name: "Creator dashboard" }).waitFor();
    const total = page.getByTestId("total-earnings");
    // "1,234.500 credits" in the browser's en-US locale is "1234.500" on the wire.
    await expect
      .poll(async () => (await total.innerText()).replace(/,/g, "").replace(/\s*credits$/, ""))
      .toBe(earnings.body.total);
    expect(await page.getByText("Pending settlement").count()).toBe(1);
    await expect
      .poll(() => page.locator("#main").getByRole("link", { name: "Go live" }).getAttribute("href"))
      .toBe("/creator/go-live");
    expect(errors).toEqual([]);
  });

  it("lists a new stream under recent streams, linked to its watch page", async () => {
    // creator2 holds the suites' throwaway streams (discover.e2e.ts); creator1 is left to streams.e2e.ts.
    const creator = await ApiClient.signIn("creator2@tollgate.test", SEEDED_PASSWORD);
    const title = `Dashboard stream ${crypto.randomUUID().slice(0, 6)}`;
    const created = await creator.call<{ stream: { id: string } }>("/api/streams", {
      method: "POST",
      body: { title },
    });
    expect(created.status).toBe(201);

    const { page, errors } = await open();
    await logInAt(page, "/creator/dashboard", "creator2@tollgate.test", SEEDED_PASSWORD);
    const row = page.locator(`[data-testid="recent-stream"][data-stream-id="${created.body.stream.id}"]`);
    await row.waitFor();
    expect(await row.getByRole("link", { name: title }).getAttribute("href")).toBe(`/watch/${created.body.stream.id}`);
    expect(await row.getByTestId("stream-status").getAttribute("data-status")).toBe("SCHEDULED");
    expect(errors).toEqual([]);
  });

  it("charts the last 30 days and switches to the last 7", async () => {
    const { page, errors } = await open();
    await logInAt(page, "/creator/analytics", CREATOR, SEEDED_PASSWORD);
    await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
    const label = page.getByTestId("range-label");
    await expect.poll(() => label.innerText()).toBe("Last 30 days");
    await page.locator('[data-testid="viewers-chart"] canvas').waitFor();
    await page.locator('[data-testid="revenue-chart"] canvas').waitFor();
    // 30 days, both ends included: the text alternative has one row per day.
    await expect.poll(() => page.locator('[data-testid="viewers-chart"] figcaption tbody tr').count()).toBe(30);

    await page.getByRole("button", { name: "Last 7 days" }).click();
    await page.waitForURL((url) => url.searchParams.get("range") === "7d");
    await expect.poll(() => label.innerText()).toBe("Last 7 days");
    await expect.poll(() => page.locator('[data-testid="viewers-chart"] figcaption tbody tr').count()).toBe(7);
    expect(await page.locator('[data-testid="viewers-chart"] canvas').count()).toBe(1);
    expect(errors).toEqual([]);
  });
  it("opens a stream's report and exports its minutes as CSV", async () => {
    const creator = await ApiClient.signIn("creator2@tollgate.test", SEEDED_PASSWORD);
    const title = `Report stream ${crypto.randomUUID().slice(0, 6)}`;
    const created = await creator.call<{ stream: { id: string } }>("/api/streams", { method: "POST", body: { title } });
    expect(created.status).toBe(201);
    const report = await creator.call<{ minutes: unknown[] }>(`/api/creator/streams/${created.body.stream.id}/report`);
    expect(report.status).toBe(200);

    const { page, errors } = await open();
    await logInAt(
      page,
      `/creator/stream/${created.body.stream.id}/analytics`,
      "creator2@tollgate.test",
      SEEDED_PASSWORD,
    );
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const csv = await readFile(path, "utf8");
    expect(csv.split("\r\n")[0]).toBe('"minute","viewers","messages"');
    expect(csv.trim().split("\r\n")).toHaveLength(1 + report.body.minutes.length);
    expect(errors).toEqual([]);
  });
});
