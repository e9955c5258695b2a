import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import {
  ApiClient,
  browserSuite,
  logInAt,
  PASSWORD,
  registerVerifiedUser,
  SEEDED_PASSWORD,
  uniqueEmail,
  unexpected,
} from "./helpers.ts";

const ADMIN = "admin@tollgate.test";
/** "1,234" → 1234. */
const count = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

describe.skipIf(!hasBrowser())("admin console in Chromium", () => {
  const open = browserSuite();

  it("shows the overview and updates a figure without a reload after someone registers", async () => {
    const { page, errors } = await open();
    await logInAt(page, "/admin", ADMIN, SEEDED_PASSWORD);
    await page.getByRole("heading", { name: "Admin", exact: true, level: 1 }).waitFor();
    for (const id of ["users", "live-streams", "viewers", "revenue-today", "revenue-month"]) {
      await page.getByTestId(`overview-card-${id}`).waitFor();
    }
    expect(await page.getByTestId("overview-card-revenue-today").getByTestId("overview-change").count()).toBe(1);
    const users = page.getByTestId("overview-card-users").getByTestId("overview-value");
    const before = count(await users.textContent());
    expect(before).toBeGreaterThan(0);
    // A marker on the window: gone if the page reloaded.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    await registerVerifiedUser({
      email: uniqueEmail("overview"),
      password: PASSWORD,
      displayName: "Overview Newcomer",
    });
    await expect
      .poll(async () => count(await users.textContent()), { timeout: 15_000, interval: 500 })
      .toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await page.getByTestId("activity-item").first().waitFor();

    // The card drills down to its page.
    await page.getByTestId("overview-card-users").click();
    await page.waitForURL(/\/admin\/users$/);
    expect(unexpected(errors)).toEqual([]);
  }, 120_000);

  it("navigates by sidebar and breadcrumbs, filters users by role and suspends one after confirming; the audit log shows it and exports CSV", async () => {
    const prefix = `admc${Date.now()}`;
    const target = uniqueEmail(prefix);
    const other = uniqueEmail(prefix);
    await registerVerifiedUser({ email: target, password: PASSWORD, displayName: "Suspend Me" });
    await registerVerifiedUser({ email: other, password: PASSWORD, displayName: "Leave Me" });
    const api = await ApiClient.signIn(ADMIN, SEEDED_PASSWORD);
    const found = await api.call<{ users: { user: { id: string; email: string } }[] }>(
      `/api/admin/users?email=${encodeURIComponent(target)}`,
    );
    const targetId = found.body.users[0]?.user.id ?? "";
    expect(targetId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await api.call(`/api/admin/users/${targetId}`, { method: "PATCH", body: { role: "CREATOR" } })).status,
    ).toBe(200);

    const { page, errors } = await open();
    await logInAt(page, "/admin", ADMIN, SEEDED_PASSWORD);
    const sidebar = page.getByRole("navigation", { name: "Admin", exact: true });
    await expect
      .poll(() => sidebar.getByRole("link").allTextContents())
      .toEqual(["Dashboard", "Users", "Streams", "Payments", "Prices", "Moderation", "Analytics", "Audit log"]);
    await sidebar.getByRole("link", { name: "Users" }).click();
    await page.waitForURL(/\/admin\/users$/);
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect.poll(() => crumbs.getByRole("listitem").allTextContents()).toEqual(["Admin", "›Users"]);
    expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe("Users");
    expect(await sidebar.getByRole("link", { name: "Users" }).getAttribute("aria-current")).toBe("page");

    await page.getByLabel("Search by email").fill(prefix);
    const rows = page.getByTestId("admin-user-row");
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel("Role").selectOption("CREATOR");
    await page.waitForURL(/role=CREATOR/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-email")).toBe(target);

    await rows
      .first()
      .getByRole("checkbox", { name: `Select ${target}` })
      .check();
    expect(await page.getByTestId("selected-count").textContent()).toBe("1 selected");
    await page.getByRole("button", { name: "Suspend selected" }).click();
    const dialog = page.getByRole("dialog", { name: "Suspend 1 user?" });
    await dialog.waitFor();
    // Cancel first: nothing happens.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await rows.first().getAttribute("data-status")).toBe("ACTIVE");
    await page.getByRole("button", { name: "Suspend selected" }).click();
    await dialog.getByRole("button", { name: "Suspend" }).click();
    await expect.poll(() => page.getByTestId("admin-users-notice").textContent()).toContain("Suspended 1 of 1");
    await expect.poll(() => rows.first().getAttribute("data-status")).toBe("SUSPENDED");
    await page.getByLabel("Status").selectOption("SUSPENDED");
    await expect.poll(() => rows.count()).toBe(1);

    // Breadcrumb back to the overview, then the audit log from the sidebar.
    await crumbs.getByRole("link", { name: "Admin" }).click();
    await page.waitForURL(/\/admin$/);
    await sidebar.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(/\/admin\/audit-log$/);
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    const filters = page.getByRole("form", { name: "Audit log filters" });
    await filters.getByLabel("Target id").fill(targetId);
    await filters.getByLabel("Action").fill("user.status_changed");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/targetId=/);
    const entries = page.getByTestId("audit-row");
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().getAttribute("data-action")).toBe("user.status_changed");
    expect(await entries.first().textContent()).toContain(ADMIN);
    const details = entries.first().getByTestId("audit-details");
    await details.getByText("Metadata").click();
    expect(await details.locator("pre").textContent()).toContain('"to": "SUSPENDED"');

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^tollgate-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("created_at,action,actor_id,actor_email,actor_name,target_type,target_id,ip,metadata,id");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"user.status_changed"');
    expect(lines[1]).toContain(`"${targetId}"`);
    expect(unexpected(errors)).toEqual([]);
  }, 120_000);

  it("shows a moderator only Moderation and denies them the users page", async () => {
    const { page, errors } = await open();
    await logInAt(page, "/admin", "moderator@tollgate.test", SEEDED_PASSWORD);
    // A moderator's console opens on moderation.
    await page.waitForURL(/\/admin\/moderation/);
    const sidebar = page.getByRole("navigation", { name: "Admin", exact: true });
    await expect.poll(() => sidebar.getByRole("link").allTextContents()).toEqual(["Moderation"]);
    await page.goto("/admin/users");
    await page.getByRole("heading", { name: "Access denied" }).waitFor();
    expect(await page.getByLabel("Search by email").count()).toBe(0);
    expect(unexpected(errors, 403)).toEqual([]);
  });
});
