// Live chat in Chromium against the whole stack (Worker, StreamChat object, Postgres): viewers with
// credit talk to each other and the creator, a viewer without credit is gated in the page and by the
// object, the creator deletes a message from its menu, and hostile text renders as inert text.
// Chat does not wait for video: a SCHEDULED stream has a chat, so no publisher is needed.
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
  registerVerifiedUser,
  uniqueEmail,
  freshCreator,
  pageErrors,
} from "./helpers.ts";

/** Each test signs in two or three browsers before it starts: more than the tier's default 60 s on a busy machine. */
const TEST_MS = 120_000;

const tag = () => Math.random().toString(36).slice(2, 8);

const chatLog = (page: Page) => page.getByTestId("chat-log");
const shownTexts = (page: Page) => chatLog(page).getByTestId("chat-text").allTextContents();

async function waitLive(page: Page) {
  await expect.poll(() => page.getByTestId("chat-status").getAttribute("data-state"), { timeout: 20_000 }).toBe("live");
}

async function type(page: Page, text: string) {
  const input = page.getByLabel("Chat message", { exact: true });
  await input.fill(text);
  await input.press("Enter");
}

/** Sends from the page and waits until the object answered: the message is in the log, or refused. */
async function sendAndSettle(page: Page, text: string, expected: string = text): Promise<"accepted" | "rejected"> {
  const before = await page.locator('[data-testid="chat-pending"][data-status="rejected"]').count();
  await type(page, text);
  let outcome: "accepted" | "rejected" | undefined;
  await expect
    .poll(async () => {
      if ((await shownTexts(page)).includes(expected)) outcome = "accepted";
      else if ((await page.locator('[data-testid="chat-pending"][data-status="rejected"]').count()) > before) {
        outcome = "rejected";
      }
      return outcome;
    })
    .toBeDefined();
  if (!outcome) throw new Error(`no answer to ${JSON.stringify(text)}`);
  return outcome;
}

interface RawResult {
  frames: { type: string; code?: string; clientId?: string; message?: { text: string } }[];
  rejected: { type: string; code?: string; clientId?: string } | null;
}

/**
 * From inside the page (its cookies): a fresh token, a WebSocket of our own, one hand-crafted
 * `send` frame once welcomed; resolves with the first refusal or error (or after 10 s).
 */
function rawSend(page: Page, streamId: string, text: string): Promise<RawResult> {
  return page.evaluate(
    async ({ streamId, text }) => {
      const res = await fetch(`/api/streams/${streamId}/chat/token`, { method: "POST", credentials: "same-origin" });
      const { socketPath } = (await res.json()) as { socketPath: string };
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      const ws = new WebSocket(`${scheme}//${location.host}${socketPath}`);
      const frames: RawResult["frames"] = [];
      return await new Promise<RawResult>((resolve) => {
        const done = (rejected: RawResult["rejected"]) => {
          ws.close();
          resolve({ frames, rejected });
        };
        const timer = setTimeout(() => done(null), 10_000);
        ws.onmessage = (event) => {
          const frame = JSON.parse(String(event.data)) as RawResult["frames"][number];
          frames.push(frame);
          if (frame.type === "welcome") ws.send(JSON.stringify({ type: "send", text, clientId: "raw-1" }));
          if (frame.type === "rejected" || frame.type === "error") {
            clearTimeout(timer);
            done(frame);
          }
        };
      });
    },
    { streamId, text },
  );
}

describe.skipIf(!hasBrowser() || !liveKit().url)("live chat in Chromium", () => {
  const open = browserSuite();
  let creator: { email: string; api: ApiClient };
  let stream: StreamDto;

  beforeAll(async () => {
    creator = await freshCreator("Chat Creator", "creator");
    const created = await creator.api.call<{ stream: StreamDto }>("/api/streams", {
      method: "POST",
      body: { title: "E2E: chat", category: "gaming" },
    });
    if (created.status !== 201) throw new Error(`create stream: ${created.status} ${JSON.stringify(created.body)}`);
    stream = created.body.stream;
  });

  /** A signed-in page on `path` with its chat connected. */
  const chatPage = async (email: string, path = `/watch/${stream.id}`) => {
    const opened = await open();
    // Fail a stuck step in seconds, with its locator, rather than at the test's timeout.
    opened.page.setDefaultTimeout(15_000);
    await logInAt(opened.page, path, email, PASSWORD);
    await waitLive(opened.page);
    return opened;
  };
  const viewerPage = async (name: string) => {
    const { email } = await fundedViewer("20", name);
    return chatPage(email);
  };

  it(
    "two viewers with credit chat: A sends, B and the creator see it",
    async () => {
      const a = await viewerPage("Viewer Alpha");
      const b = await viewerPage("Viewer Bravo");
      const studio = await chatPage(creator.email, "/creator/stream");
      await studio.page.getByTestId("moderation-panel").waitFor();

      const text = `hello from A ${tag()} :smile:`;
      const shown = text.replace(":smile:", "😄");
      expect(await sendAndSettle(a.page, text, shown)).toBe("accepted");
      await expect.poll(() => shownTexts(b.page)).toContain(shown);
      await expect.poll(() => shownTexts(studio.page)).toContain(shown);

      // B sees who wrote it, with a time; a viewer has no badge. A's copy is no longer pending.
      const row = chatLog(b.page).getByTestId("chat-message").filter({ hasText: shown });
      expect(await row.getByTestId("chat-author").textContent()).toBe("Viewer Alpha");
      expect(await row.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await row.getByTestId("chat-badge").count()).toBe(0);
      await expect.poll(() => a.page.getByTestId("chat-pending").count()).toBe(0);

      // The creator answers with the broadcaster's badge.
      const reply = `thanks ${tag()}`;
      expect(await sendAndSettle(studio.page, reply)).toBe("accepted");
      await expect.poll(() => shownTexts(a.page)).toContain(reply);
      const replyRow = chatLog(a.page).getByTestId("chat-message").filter({ hasText: reply });
      expect(await replyRow.getByTestId("chat-badge").textContent()).toBe("Streamer");

      // The emoji picker's code and data (emoji-mart, @emoji-mart/data) load only when it opens.
      const pickerLoaded = () =>
        a.page.evaluate(() =>
          performance.getEntriesByType("resource").some((e) => /\/assets\/(native|module)-[^/]*\.js$/.test(e.name)),
        );
      expect(await pickerLoaded()).toBe(false);
      await a.page.getByRole("button", { name: "Insert emoji" }).click();
      const picker = a.page.getByTestId("emoji-picker");
      // Its CSS is applied despite the page's CSP (style-src 'self' refuses its inline <style>).
      await expect
        .poll(() => picker.locator("em-emoji-picker").evaluate((el) => getComputedStyle(el).display))
        .toBe("flex");
      await picker.getByPlaceholder("Search").fill("thumbs up");
      await picker.getByRole("button", { name: "👍" }).first().click();
      await expect.poll(() => a.page.getByLabel("Chat message", { exact: true }).inputValue()).toBe("👍");
      expect(await picker.count()).toBe(0);
      expect(await pickerLoaded()).toBe(true);

      for (const opened of [a, b, studio]) expect(pageErrors(opened.errors)).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "gates a viewer without credit in the page and in the object; nobody receives the forged frame",
    async () => {
      const email = uniqueEmail("broke");
      await registerVerifiedUser({ email, password: PASSWORD, displayName: "Broke Viewer" });
      const broke = await chatPage(email);
      const other = await viewerPage("Viewer Charlie");

      const gate = broke.page.getByTestId("chat-gate");
      await expect.poll(() => gate.getAttribute("data-reason")).toBe("NO_CREDIT");
      expect(await gate.textContent()).toContain("Chat needs credits");
      expect(await gate.getByRole("link", { name: "Top up" }).getAttribute("href")).toBe("/credits");
      expect(await broke.page.getByLabel("Chat message", { exact: true }).isDisabled()).toBe(true);

      const forged = `forged ${tag()}`;
      const result = await rawSend(broke.page, stream.id, forged);
      expect(result.rejected).toMatchObject({ type: "rejected", code: "NO_CREDIT", clientId: "raw-1" });

      // A marker sent after the forgery arrives; the forgery never did.
      const marker = `marker ${tag()}`;
      expect(await sendAndSettle(other.page, marker)).toBe("accepted");
      await expect.poll(() => shownTexts(broke.page)).toContain(marker);
      expect(await shownTexts(other.page)).not.toContain(forged);
      expect(await shownTexts(broke.page)).not.toContain(forged);
      const history = await creator.api.call<{ messages: { text: string }[] }>(`/api/streams/${stream.id}/messages`);
      expect(history.body.messages.map((m) => m.text)).not.toContain(forged);

      expect(pageErrors(broke.errors)).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "the creator deletes a message from its menu (by keyboard) and it vanishes for the viewers",
    async () => {
      const a = await viewerPage("Viewer Delta");
      const b = await viewerPage("Viewer Echo");
      const studio = await chatPage(creator.email, "/creator/stream");

      const text = `delete me ${tag()}`;
      expect(await sendAndSettle(a.page, text)).toBe("accepted");
      await expect.poll(() => shownTexts(b.page)).toContain(text);
      await expect.poll(() => shownTexts(studio.page)).toContain(text);

      // Viewers get a report item, not moderation.
      const inB = chatLog(b.page).getByTestId("chat-message").filter({ hasText: text });
      await inB.getByRole("button", { name: /^Actions for the message from/ }).click();
      await b.page.getByRole("menuitem", { name: "Report message…" }).waitFor();
      expect(await b.page.getByRole("menuitem", { name: "Delete message" }).count()).toBe(0);
      await b.page.keyboard.press("Escape");
      await expect.poll(() => b.page.getByRole("menu").count()).toBe(0);

      // The creator: the menu by keyboard, Escape closes it, Enter on "Delete message" opens the dialog.
      const row = chatLog(studio.page).getByTestId("chat-message").filter({ hasText: text });
      const trigger = row.getByRole("button", { name: /^Actions for the message from/ });
      await trigger.focus();
      await studio.page.keyboard.press("Enter");
      const deleteItem = studio.page.getByRole("menuitem", { name: "Delete message" });
      await deleteItem.waitFor();
      await studio.page.keyboard.press("Escape");
      await expect.poll(() => studio.page.getByRole("menu").count()).toBe(0);
      await trigger.focus();
      await studio.page.keyboard.press("Enter");
      await expect.poll(() => deleteItem.evaluate((el) => el === document.activeElement)).toBe(true);
      await studio.page.keyboard.press("Enter");

      const dialog = studio.page.getByRole("dialog");
      await dialog.getByLabel("Reason").fill("Off topic");
      await dialog.getByRole("button", { name: "Delete" }).click();
      await expect.poll(() => dialog.count()).toBe(0);

      await expect.poll(() => shownTexts(b.page)).not.toContain(text);
      await expect.poll(() => shownTexts(a.page)).not.toContain(text);
      await expect.poll(() => shownTexts(studio.page)).not.toContain(text);
      // The recent actions list shows it.
      await expect
        .poll(() => studio.page.getByTestId("moderation-panel").textContent(), { timeout: 15_000 })
        .toContain("Off topic");

      for (const opened of [a, b, studio]) expect(pageErrors(opened.errors)).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "renders hostile text inert: nothing injected, nothing executed, text shown literally",
    async () => {
      const a = await viewerPage("Viewer Foxtrot");
      const b = await viewerPage("Viewer Golf");
      const dialogs: string[] = [];
      for (const page of [a.page, b.page]) {
        page.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
      }
      const injected = (page: Page) =>
        chatLog(page).locator("script, img[src=x], svg, iframe, a[href^=javascript]").count();
      const injectedBefore = [await injected(a.page), await injected(b.page)];

      const id = tag();
      const corpus: { sent: string; stored: string }[] = [
        { sent: `<script>alert(1)</script> ${id}`, stored: `<script>alert(1)</script> ${id}` },
        { sent: `<img src=x onerror=alert(1)> ${id}`, stored: `<img src=x onerror=alert(1)> ${id}` },
        { sent: `<svg onload=alert(1)> ${id}`, stored: `<svg onload=alert(1)> ${id}` },
        { sent: `javascript:alert(1) ${id}`, stored: `javascript:alert(1) ${id}` },
        // The object strips bidi overrides and zero-width spaces; what is left is shown as it is.
        { sent: `rtl \u202Egnp.exe ${id}`, stored: `rtl gnp.exe ${id}` },
        { sent: `zero\u200Bwidth ${id}`, stored: `zerowidth ${id}` },
      ];
      for (const { sent, stored } of corpus) {
        const outcome = await sendAndSettle(a.page, sent, stored);
        if (outcome === "accepted") {
          await expect.poll(() => shownTexts(b.page)).toContain(stored);
        } else {
          // Refused by auto-moderation (links): the reason is shown, the text nowhere else.
          const refused = a.page.locator('[data-testid="chat-pending"][data-status="rejected"]').last();
          expect((await refused.getByTestId("chat-rejection").textContent())?.trim()).not.toBe("");
          expect(await shownTexts(b.page)).not.toContain(stored);
        }
      }

      // 10,000 characters: the page refuses it before it leaves; the object would refuse it too.
      const long = "A".repeat(10_000);
      await a.page.getByLabel("Chat message", { exact: true }).fill(long);
      expect(await a.page.getByTestId("chat-counter").textContent()).toContain("-9800");
      await a.page.getByLabel("Chat message", { exact: true }).press("Enter");
      expect(await a.page.getByTestId("chat-send-error").textContent()).toContain("Too long");
      await a.page.getByLabel("Chat message", { exact: true }).fill("");
      const overLimit = await rawSend(a.page, stream.id, "B".repeat(1_000));
      expect(overLimit.rejected).toMatchObject({ type: "rejected", code: "TOO_LONG", clientId: "raw-1" });

      // A last message proves B is still receiving, after everything above.
      const marker = `still fine ${id}`;
      expect(await sendAndSettle(a.page, marker)).toBe("accepted");
      await expect.poll(() => shownTexts(b.page)).toContain(marker);
      const texts = await shownTexts(b.page);
      expect(texts.some((t) => t.includes("B".repeat(1_000)) || t.includes("A".repeat(1_000)))).toBe(false);
      for (const text of texts) expect(text).not.toMatch(/[\u202A-\u202E\u200B]/);

      expect([await injected(a.page), await injected(b.page)]).toEqual(injectedBefore);
      // The literal markup is text inside the message element, with no element children.
      const scriptRow = chatLog(b.page)
        .getByTestId("chat-text")
        .filter({ hasText: `<script>alert(1)</script> ${id}` });
      expect(await scriptRow.evaluate((el) => el.children.length)).toBe(0);
      await b.page.waitForTimeout(500);
      expect(dialogs).toEqual([]);
      for (const opened of [a, b]) expect(pageErrors(opened.errors)).toEqual([]);
    },
    TEST_MS,
  );
});
