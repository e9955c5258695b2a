// Thumbnail uploads in Chromium: a new creator picks an image in the studio's uploader, crops it and
// watches the progress bar finish; the stream's card on /browse then shows the WebP sizes from /media/.
// Wrong files get a clear message instead.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasBrowser } from "./browser.ts";
import { browserSuite, logInAt, PASSWORD, freshCreator } from "./helpers.ts";

const FIXTURES = new URL("../test/fixtures/images/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

/** A brand-new creator (promoted by the admin) with one scheduled stream, so no other test's stream is touched. */
async function creatorWithStream(title: string): Promise<{ email: string; streamId: string }> {
  const { email, api } = await freshCreator("Thumbnail Maker", "uploader");
  const created = await api.call<{ stream: { id: string } }>("/api/streams", {
    method: "POST",
    body: { title, category: "gaming" },
  });
  if (created.status !== 201) throw new Error(`create stream: ${created.status} ${JSON.stringify(created.body)}`);
  return { email, streamId: created.body.stream.id };
}

describe.skipIf(!hasBrowser())("thumbnail uploads in Chromium", () => {
  const open = browserSuite();

  it(
    "a creator uploads a thumbnail with progress and sees it on the stream card; wrong files are explained",
    {
      // Sign-ups, the studio's camera preview and the image work share two cores with the Worker.
      timeout: 120_000,
    },
    async () => {
      const title = `Thumbnail test ${crypto.randomUUID().slice(0, 8)}`;
      const { email, streamId } = await creatorWithStream(title);
      const { page, errors } = await open();
      await logInAt(page, "/creator/stream", email, PASSWORD);
      const studio = page.getByTestId("studio");
      await studio.waitFor();
      expect(await studio.getAttribute("data-stream-id")).toBe(streamId);

      const uploader = page.getByTestId("image-uploader-thumbnail");
      await uploader.getByRole("heading", { name: "Thumbnail" }).waitFor();
      const input = uploader.getByTestId("image-uploader-input");
      const alert = uploader.getByRole("alert");

      // Not an image at all: refused before anything is sent.
      await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
      await expect
        .poll(() => alert.textContent())
        .toContain("“notes.txt” is a text/plain file. Choose a JPEG, PNG or WebP image.");
      // HTML dressed up as a PNG: the browser cannot read it as an image.
      await input.setInputFiles({ name: "sneaky.png", mimeType: "image/png", buffer: fixture("not-an-image.png") });
      await expect.poll(() => alert.textContent()).toContain("“sneaky.png” could not be read as an image");
      // Too small for a 16:9 thumbnail.
      await input.setInputFiles({ name: "tiny.png", mimeType: "image/png", buffer: fixture("tiny.png") });
      await expect
        .poll(() => alert.textContent())
        .toContain("That image is 100×50; a thumbnail needs at least 320×180");

      // A real photo: the crop appears, moves with the keyboard, and uploads.
      await input.setInputFiles({ name: "landscape.jpg", mimeType: "image/jpeg", buffer: fixture("landscape.jpg") });
      const crop = uploader.getByTestId("image-uploader-crop");
      await crop.waitFor();
      expect(await alert.textContent()).toBe("");
      await uploader.getByLabel("Zoom").fill("1.5");
      await crop.focus();
      await page.keyboard.press("ArrowRight");
      await uploader.scrollIntoViewIfNeeded();
      await uploader.getByRole("button", { name: "Upload thumbnail" }).click();

      const progress = uploader.getByRole("progressbar", { name: "Upload progress" });
      await expect.poll(() => progress.getAttribute("aria-valuenow")).toBe("100");
      await expect.poll(() => uploader.getByRole("status").textContent()).toBe("Thumbnail uploaded.");
      const current = uploader.getByTestId("image-uploader-current");
      await expect.poll(() => current.getAttribute("src")).toMatch(/^\/media\/thumbnails\/[0-9a-f]{64}-640\.webp$/);

      // The card on /browse shows it, with every stored size to choose from, and the image really loads.
      await page.goto(`/browse?q=${encodeURIComponent(title)}`);
      const card = page.locator(`[data-testid="stream-card"][data-stream-id="${streamId}"]`);
      const img = card.getByTestId("stream-card-thumbnail");
      await img.waitFor();
      const src = await img.getAttribute("src");
      expect(src).toMatch(/^\/media\/thumbnails\/[0-9a-f]{64}-640\.webp$/);
      const base = src?.replace(/-640\.webp$/, "");
      expect(await img.getAttribute("srcset")).toBe(
        `${base}-320.webp 320w, ${base}-640.webp 640w, ${base}-1280.webp 1280w`,
      );
      expect(await img.getAttribute("loading")).toBe("lazy");
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBeGreaterThan(0);
      const loaded = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
      expect(loaded.w * 9).toBe(loaded.h * 16);

      // Served for a year from the Worker.
      const res = await page.request.get(src ?? "");
      expect(res.status()).toBe(200);
      expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.headers()["content-type"]).toBe("image/webp");
      expect(errors).toEqual([]);
    },
  );
});
