import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { browserSuite, logInAt, SEEDED_PASSWORD, unexpected } from "./helpers.ts";

const VIEWER = "viewer2@tollgate.test";

/** "1,025.500 credits" → 1025500n: the page always shows three decimals, so the digits are millicredits. */
const millis = async (locator: Locator) => BigInt((await locator.textContent())?.replace(/\D/g, "") || "0");

/** Whether the element is where keyboard focus is. */
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe.skipIf(!hasBrowser())("admin users and wallets in Chromium", () => {
  const open = browserSuite();

  it("finds a user, books an adjustment, refuses an overdraft and reconciles the wallet", async () => {
    const { page, errors } = await open();
    await logInAt(page, "/admin", "admin@tollgate.test", SEEDED_PASSWORD);
    await page
      .getByRole("navigation", { name: "Admin sections" })
      .getByRole("link", { name: /Users and wallets/ })
      .click();
    await page.waitForURL(/\/admin\/users$/);

    await page.getByLabel("Search by email").fill("viewer2");
    const rows = page.getByTestId("admin-user-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-email")).toBe(VIEWER);
    expect(page.url()).toContain("email=viewer2");
    await rows
      .first()
      .getByRole("link", { name: `Manage ${VIEWER}` })
      .click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: VIEWER, level: 1 }).waitFor();

    const balance = page.getByTestId("admin-user-balance");
    expect(await balance.getAttribute("aria-live")).toBe("polite");
    const before = await millis(balance);
    expect(before).toBeGreaterThan(0n);
    const ledgerRows = page.getByTestId("ledger-row");
    await ledgerRows.first().waitFor();
    const entriesBefore = await ledgerRows.count();

    // +25.5 credits.
    const adjust = page.getByRole("region", { name: "Adjust credits" });
    await adjust.getByLabel("Amount").fill("25.5");
    await adjust.getByLabel("Reason").fill("E2E goodwill");
    await adjust.getByRole("button", { name: "Book adjustment" }).click();

    const result = page.getByTestId("adjustment-result");
    await result.waitFor();
    expect(await result.getAttribute("role")).toBe("status");
    expect(await result.textContent()).toMatch(/^Booked: \+25\.500 credits, balance now [\d,]+\.\d{3}$/);
    expect(BigInt((await result.textContent())?.split("balance now ")[1]?.replace(/\D/g, "") ?? "0")).toBe(
      before + 25_500n,
    );
    expect(await isFocused(result)).toBe(true);
    await expect.poll(() => millis(balance)).toBe(before + 25_500n);

    await expect.poll(() => ledgerRows.count()).toBe(entriesBefore + 1);
    const top = ledgerRows.first();
    expect(await top.getAttribute("data-type")).toBe("ADJUSTMENT");
    expect(await top.getByTestId("ledger-amount").textContent()).toBe("+25.500");
    expect(await top.textContent()).toContain("E2E goodwill");
    // A fresh, empty form for the next adjustment.
    expect(await adjust.getByLabel("Amount").inputValue()).toBe("");

    // More than the wallet holds: refused, and nothing moves. Sent from the keyboard this time.
    await adjust.getByLabel("Amount").fill("-100000");
    await adjust.getByLabel("Reason").fill("E2E overdraft");
    await adjust.getByLabel("Reason").press("Enter");
    const alert = adjust.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("does not have that many credits");
    expect(await isFocused(adjust.getByTestId("adjustment-error"))).toBe(true);
    expect(await result.count()).toBe(0);
    expect(await millis(balance)).toBe(before + 25_500n);
    expect(await ledgerRows.count()).toBe(entriesBefore + 1);

    await page.getByRole("button", { name: "Reconcile" }).click();
    const report = page.getByTestId("reconcile-report");
    await report.waitFor();
    expect(await report.getByTestId("reconcile-difference").textContent()).toBe("0.000");
    expect(await report.getByTestId("reconcile-corrected").textContent()).toBe("no");
    expect(await isFocused(report)).toBe(true);

    // Give the credits back: the other browser tests expect viewer2's seeded balance.
    await adjust.getByLabel("Amount").fill("-25.5");
    await adjust.getByLabel("Reason").fill("E2E cleanup");
    await adjust.getByRole("button", { name: "Book adjustment" }).click();
    await expect.poll(() => result.textContent()).toContain("\u221225.500 credits");
    await expect.poll(() => millis(balance)).toBe(before);

    expect(unexpected(errors, 409)).toEqual([]);
  });

  it("shows a viewer 'Access denied' at /admin/users", async () => {
    const { page, errors } = await open();
    await logInAt(page, "/admin/users", "viewer1@tollgate.test", SEEDED_PASSWORD);
    await page.getByRole("heading", { name: "Access denied" }).waitFor();
    expect(await page.getByLabel("Search by email").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
