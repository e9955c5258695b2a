import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readImageDimensions, sniffImageType } from "./sniff-image-type.ts";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/images/${name}`, import.meta.url)));

describe("sniffImageType", () => {
  it.each([
    ["landscape.jpg", "image/jpeg"],
    ["landscape.png", "image/png"],
    ["landscape.webp", "image/webp"],
  ])("recognises %s as %s by its bytes", (name, type) => {
    expect(sniffImageType(fixture(name))).toBe(type);
  });

  it.each(["not-an-image.png", "vector.png", "pixel.gif"])("refuses %s whatever its name says", (name) => {
    expect(sniffImageType(fixture(name))).toBeNull();
  });

  it("refuses empty and truncated files", () => {
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WAVE"))).toBeNull();
  });
});

describe("readImageDimensions", () => {
  it.each([
    ["landscape.jpg", "image/jpeg", 1600, 900],
    ["landscape.png", "image/png", 800, 600],
    ["landscape.webp", "image/webp", 1280, 720],
    ["square.png", "image/png", 300, 300],
    ["too-wide.png", "image/png", 5000, 200],
  ] as const)("reads %s's header: %s %i×%i", (name, type, width, height) => {
    expect(readImageDimensions(type, fixture(name))).toEqual({ width, height });
  });

  it("reads a lossless (VP8L) and an extended (VP8X) WebP header", () => {
    // VP8L: signature 0x2f, then 14 bits width-1 and 14 bits height-1, little-endian.
    const vp8l = new Uint8Array(30);
    vp8l.set(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8L"), 0);
    vp8l[20] = 0x2f;
    new DataView(vp8l.buffer).setUint32(21, (400 - 1) | ((300 - 1) << 14), true);
    expect(readImageDimensions("image/webp", vp8l)).toEqual({ width: 400, height: 300 });

    // VP8X: 24-bit width-1 at 24, height-1 at 27.
    const vp8x = new Uint8Array(30);
    vp8x.set(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8X"), 0);
    vp8x.set([0x1f, 0x4e, 0x00], 24); // 19999 + 1 = 20000
    vp8x.set([0x0f, 0x00, 0x00], 27); // 15 + 1 = 16
    expect(readImageDimensions("image/webp", vp8x)).toEqual({ width: 20000, height: 16 });
  });

  it("gives null for a cut-off header", () => {
    expect(readImageDimensions("image/png", fixture("landscape.png").subarray(0, 20))).toBeNull();
    expect(readImageDimensions("image/jpeg", fixture("landscape.jpg").subarray(0, 100))).toBeNull();
    expect(readImageDimensions("image/webp", fixture("landscape.webp").subarray(0, 20))).toBeNull();
  });
});
