import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { browserSuite, logInAt, PASSWORD, registerVerifiedUser, SEEDED_PASSWORD, uniqueEmail } from "./helpers.ts";

describe.skipIf(!hasBrowser())("credits and wallet in Chromium", () => {
  const open = browserSuite();

  it("buys 500 credits through the test checkout and sees them in the wallet, ledger and CSV", async () => {
    const email = uniqueEmail("buyer");
    await registerVerifiedUser({ email, password: PASSWORD, displayName: "Bea Buyer" });
    const { page, errors } = await open();
    await logInAt(page, "/dashboard/credits", email, PASSWORD);

    const navbarBalance = page.getByTestId("navbar-balance");
    await expect.poll(() => navbarBalance.textContent()).toBe("0 credits");
    expect(await navbarBalance.getAttribute("aria-live")).toBe("polite");

    const cards = page.getByTestId("price-card");
    await cards.first().waitFor();
    expect(await cards.count()).toBe(5);
    // 10,000 credits for $129.99 is the most credits per cent of the seeded packages.
    expect(
      await cards
        .filter({ has: page.getByTestId("best-value") })
        .getByRole("heading")
        .textContent(),
    ).toBe("Whale");
    expect(await page.getByRole("radio", { name: /Card/ }).isChecked()).toBe(true);
    expect(await page.getByTestId("payment-row").count()).toBe(0);

    const regular = cards.filter({ has: page.getByRole("heading", { name: "Regular", exact: true }) });
    expect(await regular.textContent()).toContain("$8.99");
    await regular.getByTestId("buy-button").click();

    await page.waitForURL(/\/dev\/checkout\/[0-9a-f-]{36}$/);
    await page.getByText("Test checkout — no real money moves").waitFor();
    expect(await page.getByTestId("checkout-package").textContent()).toBe("Regular");
    expect(await page.getByTestId("checkout-credits").textContent()).toBe("500");
    expect(await page.getByTestId("checkout-amount").textContent()).toBe("$8.99");
    await page.getByRole("button", { name: "Pay (test)" }).click();

    await page.waitForURL(/\/dashboard\/credits\?payment=[0-9a-f-]{36}&status=SUCCEEDED$/);
    const banner = page.getByTestId("checkout-banner");
    await expect.poll(() => banner.textContent()).toContain("Payment received: 500 credits added");
    expect(await banner.getAttribute("role")).toBe("status");
    await expect.poll(() => navbarBalance.textContent()).toBe("500 credits");

    const rows = page.getByTestId("payment-row");
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().textContent();
    expect(row).toContain("Regular");
    expect(row).toContain("$8.99");
    expect(row).toContain("Succeeded");

    await page.getByRole("link", { name: /Wallet balance/ }).click();
    await page.waitForURL(/\/dashboard\/wallet$/);
    await expect.poll(() => page.getByTestId("wallet-balance").textContent()).toBe("500.000");
    expect(await page.getByTestId("balance-level").textContent()).toBe("Healthy balance");

    const ledgerRows = page.getByTestId("ledger-row");
    await ledgerRows.first().waitFor();
    expect(await ledgerRows.count()).toBe(1);
    const deposit = ledgerRows.first();
    expect(await deposit.getAttribute("data-type")).toBe("DEPOSIT");
    expect(await deposit.getByTestId("ledger-type").textContent()).toBe("Deposit");
    expect(await deposit.getByTestId("ledger-amount").textContent()).toBe("+500.000");
    expect(await deposit.getByTestId("ledger-balance").textContent()).toBe("500.000");

    // Filtering by another type empties the table; the export follows the filter.
    await page.getByLabel("Type").selectOption("DEBIT");
    await page.getByText("No debits yet.").waitFor();
    expect(await page.getByTestId("export-csv").getAttribute("href")).toBe("/api/wallet/ledger.csv?type=DEBIT");
    await page.getByLabel("Type").selectOption("");
    await ledgerRows.first().waitFor();

    const exportLink = page.getByTestId("export-csv");
    expect(await exportLink.getAttribute("download")).not.toBeNull();
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^tollgate-ledger-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain("DEPOSIT");
    expect(csv).toContain("500");

    // The top-up dialog: a modal that Escape closes, handing focus back to its button.
    const topUp = page.getByRole("button", { name: "Top up" });
    await topUp.click();
    const dialog = page.getByRole("dialog", { name: "Top up credits" });
    await dialog.waitFor();
    expect(await dialog.getAttribute("aria-modal")).toBe("true");
    await dialog.getByTestId("price-card").first().waitFor();
    expect(await dialog.getByTestId("buy-button").count()).toBe(5);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await topUp.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(errors).toEqual([]);
  });

  it("reports a failed test payment and adds no credits", async () => {
    const { page, errors } = await open();
    await logInAt(page, "/dashboard/credits", "viewer2@tollgate.test", SEEDED_PASSWORD);
    const navbarBalance = page.getByTestId("navbar-balance");
    await expect.poll(() => navbarBalance.textContent()).toBe("1,000 credits");

    const starter = page
      .getByTestId("price-card")
      .filter({ has: page.getByRole("heading", { name: "Starter", exact: true }) });
    await page.getByRole("radio", { name: /Crypto/ }).check();
    await starter.getByTestId("buy-button").click();
    await page.waitForURL(/\/dev\/checkout\//);
    await page.getByText("Coinbase (simulated)").waitFor();
    await page.getByRole("button", { name: "Fail payment (test)" }).click();

    await page.waitForURL(/status=FAILED$/);
    const banner = page.getByTestId("checkout-banner");
    await expect.poll(() => banner.textContent()).toContain("Payment failed");
    expect(await banner.getAttribute("role")).toBe("alert");
    await expect.poll(() => page.getByTestId("payment-row").first().textContent()).toContain("Failed");
    expect(await navbarBalance.textContent()).toBe("1,000 credits");
    expect(errors).toEqual([]);
  });

  it("reports a cancelled checkout, then waits on a pending payment until it is confirmed", async () => {
    const { page, errors } = await open();
    await logInAt(page, "/dashboard/credits", "viewer3@tollgate.test", SEEDED_PASSWORD);
    await expect.poll(() => page.getByTestId("navbar-balance").textContent()).toBe("1,000 credits");
    const plus = page
      .getByTestId("price-card")
      .filter({ has: page.getByRole("heading", { name: "Plus", exact: true }) });
    await plus.getByTestId("buy-button").click();
    await page.waitForURL(/\/dev\/checkout\//);
    const paymentId = new URL(page.url()).pathname.split("/").pop() ?? "";

    await page.getByRole("link", { name: "Cancel" }).click();
    await page.waitForURL(/checkout=cancelled/);
    const banner = page.getByTestId("checkout-banner");
    await expect.poll(() => banner.textContent()).toContain("Checkout cancelled");
    // The page told the server: the abandoned payment no longer counts as pending.
    await expect.poll(() => page.getByTestId("payment-row").first().textContent()).toContain("Failed");

    // A second attempt: the provider's success redirect arrives before its webhook.
    await plus.getByTestId("buy-button").click();
    await page.waitForURL(/\/dev\/checkout\//);
    const secondId = new URL(page.url()).pathname.split("/").pop() ?? "";
    expect(secondId).not.toBe(paymentId);
    await page.goto(`/api/payments/success?session_id=${secondId}`);
    await page.waitForURL(new RegExp(`/dashboard/credits\\?payment=${secondId}&status=PENDING$`));
    await expect.poll(() => banner.textContent()).toContain("Waiting for confirmation…");

    // The webhook arrives; the page, polling every 2 s, notices.
    const status = await page.evaluate(async (id) => {
      const response = await fetch(`/api/dev/checkout/${id}/complete`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome: "paid" }),
      });
      return response.status;
    }, secondId);
    expect(status).toBe(200);
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain("Payment received: 1,000 credits added");
    await expect.poll(() => page.getByTestId("navbar-balance").textContent()).toBe("2,000 credits");
    await expect.poll(() => page.getByTestId("payment-row").first().textContent()).toContain("Succeeded");
    expect(errors).toEqual([]);
  });

  it("lets an admin create a package and hide it from buyers", async () => {
    const code = `e2e_${Date.now()}`;
    const name = `E2E Pack ${Date.now() % 100_000}`;
    const admin = await open();
    await logInAt(admin.page, "/admin", "admin@tollgate.test", SEEDED_PASSWORD);
    await admin.page
      .getByRole("navigation", { name: "Admin sections" })
      .getByRole("link", { name: /Price packages/ })
      .click();
    await admin.page.waitForURL(/\/admin\/prices$/);
    await admin.page.getByTestId("admin-price-row").first().waitFor();

    const create = admin.page.getByRole("region", { name: "New package" });
    await create.getByLabel("Product code").fill(code);
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Credits").fill("777");
    await create.getByLabel("Price").fill("7.77");
    // The preview is the buyers' card.
    const preview = create.getByTestId("price-preview").getByTestId("price-card");
    await expect.poll(() => preview.textContent()).toContain(name);
    expect(await preview.textContent()).toContain("$7.77");
    await create.getByRole("button", { name: "Create package" }).click();

    const row = admin.page.locator(`[data-testid="admin-price-row"][data-product-code="${code}"]`);
    await row.waitFor();
    expect(await row.getByTestId("price-status").textContent()).toBe("Active");
    // The form starts over for the next package.
    await expect.poll(() => create.getByLabel("Product code").inputValue()).toBe("");

    const toggle = row.getByRole("switch", { name: `${name} on sale` });
    expect(await toggle.getAttribute("aria-checked")).toBe("true");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("false");
    expect(await row.getByTestId("price-status").textContent()).toBe("Inactive");

    // Editing the price of a hidden package keeps it hidden.
    await row.getByRole("button", { name: `Edit ${name}` }).click();
    const dialog = admin.page.getByRole("dialog", { name: `Edit ${name}` });
    await dialog.getByLabel("Price").fill("6.66");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => row.textContent()).toContain("$6.66");
    expect(await row.getByTestId("price-status").textContent()).toBe("Inactive");
    expect(admin.errors).toEqual([]);

    const viewer = await open();
    await logInAt(viewer.page, "/dashboard/credits", "viewer1@tollgate.test", SEEDED_PASSWORD);
    const cards = viewer.page.getByTestId("price-card");
    await cards.first().waitFor();
    const names = await cards.getByRole("heading").allTextContents();
    expect(names).toEqual(["Starter", "Regular", "Plus", "Pro", "Whale"]);
    expect(names).not.toContain(name);
    expect(viewer.errors).toEqual([]);
  });
});
