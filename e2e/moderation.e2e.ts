// Moderation in Chromium against the whole stack: a viewer reports a chat message, a moderator
// works the queue, reviews it and bans the author (whose chat shows the ban at once), the author
// appeals from /appeal, the moderator lifts the ban, and the author sees the outcome and chats again.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StreamDto } from "../contracts/streams.ts";
import { hasBrowser } from "./browser.ts";
import {
  ApiClient,
  browserSuite,
  fundedViewer,
  liveKit,
  logInAt,
  PASSWORD,
  SEEDED_PASSWORD,
  freshCreator,
  pageErrors,
} from "./helpers.ts";

const TEST_MS = 300_000;
const tag = () => Math.random().toString(36).slice(2, 8);

const chatLog = (page: Page) => page.getByTestId("chat-log");
const shownTexts = (page: Page) => chatLog(page).getByTestId("chat-text").allTextContents();
const chatState = (page: Page) => page.getByTestId("chat-status").getAttribute("data-state");

async function send(page: Page, text: string) {
  const input = page.getByLabel("Chat message", { exact: true });
  await input.fill(text);
  await input.press("Enter");
  await expect.poll(() => shownTexts(page), { timeout: 15_000 }).toContain(text);
}

describe.skipIf(!hasBrowser() || !liveKit().url)("moderation in Chromium", () => {
  const open = browserSuite();
  let creator: { email: string; api: ApiClient };
  let stream: StreamDto;

  beforeAll(async () => {
    creator = await freshCreator("Mod Creator", "creator");
    const created = await creator.api.call<{ stream: StreamDto }>("/api/streams", {
      method: "POST",
      body: { title: "E2E: moderation", category: "gaming" },
    });
    if (created.status !== 201) throw new Error(`create stream: ${created.status}`);
    stream = created.body.stream;
  });

  const signedIn = async (email: string, password: string, path: string) => {
    const opened = await open();
    opened.page.setDefaultTimeout(45_000);
    await logInAt(opened.page, path, email, password);
    return opened;
  };

  it(
    "report → queue → review with a ban → appeal → lift, each side seeing the outcome",
    async () => {
      const authorName = `Author ${tag()}`;
      const author = await fundedViewer("20", authorName);
      const reporter = await fundedViewer("20", "Reporter");
      const a = await signedIn(author.email, PASSWORD, `/watch/${stream.id}`);
      await expect.poll(() => chatState(a.page), { timeout: 20_000 }).toBe("live");
      const r = await signedIn(reporter.email, PASSWORD, `/watch/${stream.id}`);
      await expect.poll(() => chatState(r.page), { timeout: 20_000 }).toBe("live");

      const text = `buy followers at spam ${tag()}`;
      await send(a.page, text);
      await expect.poll(() => shownTexts(r.page)).toContain(text);
      // Written behind within a second; the history endpoint flushes, so the report finds it.
      await creator.api.call(`/api/streams/${stream.id}/messages`);

      // The viewer reports it from the message's menu.
      const row = chatLog(r.page).getByTestId("chat-message").filter({ hasText: text });
      await row.getByRole("button", { name: /^Actions for the message from/ }).click();
      await r.page.getByRole("menuitem", { name: "Report message…" }).click();
      const dialog = r.page.getByRole("dialog");
      await dialog.getByLabel("Reason").selectOption("SPAM");
      await dialog.getByRole("button", { name: "Report" }).click();
      await dialog.getByRole("status").waitFor();

      // The moderator opens the queue and the report.
      const m = await signedIn("moderator@tollgate.test", SEEDED_PASSWORD, "/admin/moderation");
      const item = m.page.getByTestId("report-queue").getByRole("link", { name: new RegExp(text) });
      await item.waitFor();
      await item.click();
      await m.page.getByRole("heading", { name: "Review report" }).waitFor();
      expect(await m.page.locator("[aria-current=true]").textContent()).toContain(text);
      await m.page.getByRole("radio", { name: "Ban the author" }).check();
      await m.page.getByLabel("Duration").selectOption({ label: "24 hours" });
      await m.page.getByLabel(/^Note/).fill("selling followers");
      await m.page.getByRole("button", { name: "Approve report" }).click();
      await expect.poll(() => m.page.getByTestId("report-status").textContent()).toBe("RESOLVED");

      // The author's chat shows the ban at once.
      await expect.poll(() => chatState(a.page), { timeout: 15_000 }).toBe("banned");

      // The Bans tab lists it; the moderator extends it by an hour.
      await m.page.getByRole("link", { name: "Bans" }).click();
      const banRow = m.page.getByTestId("bans-table").getByRole("row").filter({ hasText: authorName });
      expect(await banRow.textContent()).toContain("selling followers");
      await banRow.getByRole("button", { name: `Extend ${authorName}'s ban by 1 hour` }).click();
      await expect
        .poll(() => m.page.getByTestId("bans-feedback").textContent(), { timeout: 20_000 })
        .toContain(`Extended ${authorName}'s ban.`);

      // The author appeals from /appeal.
      await a.page.goto("/appeal");
      await a.page.getByRole("heading", { name: /^Banned in/ }).waitFor();
      await a.page.getByLabel("Why should it be lifted?").fill("It was a joke, sorry.");
      await a.page.getByRole("button", { name: "Submit appeal" }).click();
      await expect.poll(() => a.page.getByTestId("appeal-status").textContent()).toContain("pending");

      // The moderator lifts it from the Appeals tab.
      await m.page.getByRole("link", { name: "Appeals" }).click();
      const card = m.page.getByRole("listitem").filter({ hasText: authorName });
      await card.getByLabel("Note to the user").fill("Fair enough");
      await card.getByRole("button", { name: "Lift the ban" }).click();
      await m.page.getByText(`Lifted the ban on ${authorName}.`).waitFor();

      // The author sees the outcome and chats again.
      await a.page.reload();
      await expect.poll(() => a.page.getByTestId("appeal-status").textContent()).toContain("lifted");
      await a.page.goto(`/watch/${stream.id}`);
      await expect.poll(() => chatState(a.page), { timeout: 20_000 }).toBe("live");
      await send(a.page, `back again ${tag()}`);

      for (const opened of [a, r, m]) expect(pageErrors(opened.errors)).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "the auto-mod page previews what a sample message becomes",
    async () => {
      const admin = await signedIn("admin@tollgate.test", SEEDED_PASSWORD, "/admin/moderation/auto-mod");
      await admin.page.getByLabel(/^Blocked words/).fill("frobnicate");
      await admin.page.getByLabel("Sample message").fill("please frobnicate now");
      await expect
        .poll(() => admin.page.getByTestId("auto-mod-preview").textContent(), { timeout: 10_000 })
        .toContain("BLOCKED_WORD");
      await admin.page.getByLabel("Sample message").fill("hello there");
      await expect
        .poll(() => admin.page.getByTestId("auto-mod-preview").textContent())
        .toContain("Shown as: hello there");
      expect(pageErrors(admin.errors)).toEqual([]);
    },
    TEST_MS,
  );
});
