import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, hasBrowser, launchBrowser, watchPageErrors } from "./browser.ts";

const PASSWORD = "correct-horse-battery-staple";
const SEEDED_PASSWORD = "tollgate-dev-password";

/** Chromium logs every non-2xx fetch; the 401s a test provokes on purpose are not page errors. */
const unexpected = (errors: string[], ...statuses: number[]) =>
  errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

describe.skipIf(!hasBrowser())("accounts in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Each test gets its own cookie jar and storage. */
  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    context = await browser.newContext({ baseURL: baseUrl() });
    const page = await context.newPage();
    return { page, errors: watchPageErrors(page) };
  }

  it("registers, confirms the email from the dev mailbox, logs in and out", async () => {
    const { page, errors } = await newPage();
    const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

    await page.goto("/register");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Display name").fill("Eve Tester");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    expect(await page.getByTestId("register-done").textContent()).toContain(email);

    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    const message = page.getByTestId("mailbox-message").filter({ hasText: "Confirm your Tollgate email" });
    await message.waitFor();
    await message.getByRole("link", { name: /\/verify\?token=/ }).click();
    await page.waitForURL(/\/verify\?token=/);
    // Opening the link confirms nothing (a mail scanner opens links too); the button does.
    await page.getByRole("heading", { name: "Confirm your email" }).waitFor();
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await page.getByRole("heading", { name: "Email confirmed" }).waitFor();

    await page.getByRole("main").getByRole("link", { name: "Log in" }).click();
    await page.waitForURL(/\/login$/);
    await logIn(page, email, PASSWORD);
    await page.waitForURL(/\/dashboard$/);

    const menuButton = page.getByRole("button", { name: "Account menu" });
    await menuButton.waitFor();
    expect(await menuButton.textContent()).toContain("Eve Tester");
    await page.getByRole("heading", { name: "Welcome, Eve Tester" }).waitFor();
    expect(await page.getByTestId("email-badge").textContent()).toBe("Email verified");
    expect(await page.getByTestId("role-badge").textContent()).toBe("Viewer");
    expect(await page.getByTestId("verify-email-banner").count()).toBe(0);

    await menuButton.click();
    const accountMenu = page.locator("#account-menu");
    expect(await accountMenu.getByRole("link").allTextContents()).toEqual(["Dashboard"]);
    await accountMenu.getByRole("button", { name: "Log out" }).click();

    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Log in" }).waitFor();
    expect(await page.getByRole("button", { name: "Account menu" }).count()).toBe(0);
    await page.waitForURL((url) => url.pathname === "/");

    // The session really ended: the dashboard sends us to log in again.
    await page.goto("/dashboard");
    await page.waitForURL(/\/login\?redirect=%2Fdashboard$/);
    expect(errors).toEqual([]);
  });

  it("shows a viewer 'Access denied' at /admin", async () => {
    const { page, errors } = await newPage();
    await page.goto("/login?redirect=%2Fadmin");
    await logIn(page, "viewer1@tollgate.test", SEEDED_PASSWORD);
    await page.waitForURL(/\/admin$/);
    await page.getByRole("heading", { name: "Access denied" }).waitFor();
    expect(await page.getByRole("heading", { name: "Admin", exact: true }).count()).toBe(0);

    // The same on a fresh page load, when the session comes from the cookies.
    await page.goto("/admin");
    await page.getByRole("heading", { name: "Access denied" }).waitFor();
    expect(await page.getByRole("heading", { name: "Admin", exact: true }).count()).toBe(0);

    const menuButton = page.getByRole("button", { name: "Account menu" });
    expect(await menuButton.textContent()).toContain("Viewer One");
    await menuButton.click();
    expect(await page.locator("#account-menu").getByRole("link").allTextContents()).toEqual(["Dashboard"]);
    expect(errors).toEqual([]);
  });

  it("lets an admin into /admin and /creator", async () => {
    const { page, errors } = await newPage();
    await page.goto("/login?redirect=%2Fcreator");
    await logIn(page, "admin@tollgate.test", SEEDED_PASSWORD);
    await page.waitForURL(/\/creator$/);
    await page.getByRole("heading", { name: "Creator studio" }).waitFor();

    await page.getByRole("button", { name: "Account menu" }).click();
    const accountMenu = page.locator("#account-menu");
    expect(await accountMenu.getByRole("link").allTextContents()).toEqual(["Dashboard", "Creator studio", "Admin"]);
    await accountMenu.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("heading", { name: "Admin", exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it("renews an expired access token from the refresh cookie", async () => {
    const { page, errors } = await newPage();
    await page.goto("/login");
    await logIn(page, "creator1@tollgate.test", SEEDED_PASSWORD);
    await page.waitForURL(/\/dashboard$/);

    // What the browser does when the 15-minute access cookie expires: it stops sending it.
    await context?.clearCookies({ name: "tg_at" });
    await page.reload();
    await page.getByRole("heading", { name: "Welcome, Creator One" }).waitFor();
    expect((await context?.cookies())?.some((c) => c.name === "tg_at")).toBe(true);
    // /api/me answered 401 once, before the refresh.
    expect(unexpected(errors, 401)).toEqual([]);
  });

  it("sends a signed-out visitor from /dashboard to /login?redirect=%2Fdashboard", async () => {
    const { page, errors } = await newPage();
    await page.goto("/dashboard");
    await page.waitForURL(/\/login\?redirect=%2Fdashboard$/);
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("validates the login form in the browser and shows the server's refusal", async () => {
    const { page, errors } = await newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Log in" }).click();
    const email = page.getByLabel("Email");
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = await email.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe("Enter a valid email address");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");

    await logIn(page, "viewer1@tollgate.test", "not-the-password");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Email or password is incorrect");
    expect(await email.getAttribute("aria-invalid")).toBeNull();
    expect(page.url()).toMatch(/\/login$/);
    expect(unexpected(errors, 401)).toEqual([]);
  });
});
