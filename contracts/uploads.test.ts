import { describe, expect, it } from "vitest";
import { imageSizes, imageSrcset, mediaKey, mediaUrl, uploadFieldsSchema } from "./uploads.ts";

const hash = "a".repeat(64);

describe("imageSizes", () => {
  it("lists every stored width of an uploaded thumbnail or avatar from its one URL", () => {
    expect(imageSizes(mediaUrl(mediaKey("thumbnail", hash, 640)))).toEqual([
      { width: 320, url: `/media/thumbnails/${hash}-320.webp` },
      { width: 640, url: `/media/thumbnails/${hash}-640.webp` },
      { width: 1280, url: `/media/thumbnails/${hash}-1280.webp` },
    ]);
    expect(imageSizes(`/media/avatars/${hash}-128.webp`).map((s) => s.width)).toEqual([64, 128, 256]);
    expect(imageSrcset(`/media/avatars/${hash}-128.webp`)).toBe(
      `/media/avatars/${hash}-64.webp 64w, /media/avatars/${hash}-128.webp 128w, /media/avatars/${hash}-256.webp 256w`,
    );
  });

  it("knows nothing of other URLs", () => {
    expect(imageSizes("https://example.com/thumb.jpg")).toEqual([]);
    expect(imageSizes(`/media/other/${hash}-640.webp`)).toEqual([]);
    expect(imageSizes(`/media/thumbnails/${hash}-640.png`)).toEqual([]);
    expect(imageSizes(null)).toEqual([]);
    expect(imageSrcset(undefined)).toBeUndefined();
  });
});

describe("uploadFieldsSchema", () => {
  it("needs a stream for a thumbnail, not for an avatar", () => {
    expect(uploadFieldsSchema.safeParse({ kind: "thumbnail" }).success).toBe(false);
    expect(uploadFieldsSchema.safeParse({ kind: "avatar" }).success).toBe(true);
    expect(
      uploadFieldsSchema.safeParse({ kind: "thumbnail", streamId: "0b1e4c9e-2d8c-4f55-9a51-1c0a8d1a2b3c" }).success,
    ).toBe(true);
    expect(uploadFieldsSchema.safeParse({ kind: "banner" }).success).toBe(false);
  });
});
