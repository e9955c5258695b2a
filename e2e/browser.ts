import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

export const baseUrl = () => inject("baseUrl");
export const hasBrowser = () => inject("chromiumPath") !== null;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = inject("chromiumPath");
  if (!executablePath) throw new Error("no Chromium");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      // WebRTC to the loopback livekit-server: without it the peer connection never completes.
      "--allow-loopback-in-peer-connection",
    ],
  });
}

/** Fails the test on any uncaught page error or console error. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}
