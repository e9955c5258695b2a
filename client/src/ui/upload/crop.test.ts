import { describe, expect, it } from "vitest";
import { checkImageFile, checkImageSize, cropRect, maxZoom, outputSize } from "./crop.ts";

describe("cropRect", () => {
  it("is the largest 16:9 rectangle, centred, at zoom 1", () => {
    expect(cropRect(800, 600, 16 / 9, { centerX: 400, centerY: 300, zoom: 1 })).toEqual({
      x: 0,
      y: 75,
      width: 800,
      height: 450,
    });
  });

  it("halves with zoom 2 and stays inside the image when dragged past an edge", () => {
    expect(cropRect(1600, 900, 16 / 9, { centerX: 0, centerY: 10_000, zoom: 2 })).toEqual({
      x: 0,
      y: 450,
      width: 800,
      height: 450,
    });
  });

  it("crops a square from the middle of a landscape image", () => {
    expect(cropRect(1600, 900, 1, { centerX: 800, centerY: 450, zoom: 1 })).toEqual({
      x: 350,
      y: 0,
      width: 900,
      height: 900,
    });
  });
});

describe("maxZoom and outputSize", () => {
  it("lets a zoom go only as far as the minimum size allows", () => {
    expect(maxZoom("thumbnail", 640, 360)).toBe(2);
    expect(maxZoom("thumbnail", 320, 180)).toBe(1);
    expect(maxZoom("avatar", 4000, 3000)).toBe(4);
  });

  it("sends the crop at its own size up to the largest kept size", () => {
    expect(outputSize("thumbnail", { x: 0, y: 0, width: 3000, height: 1687.5 })).toEqual({ width: 1280, height: 720 });
    expect(outputSize("thumbnail", { x: 0, y: 0, width: 500, height: 281.25 })).toEqual({ width: 500, height: 281 });
    expect(outputSize("avatar", { x: 0, y: 0, width: 900, height: 900 })).toEqual({ width: 256, height: 256 });
  });
});

describe("checkImageFile and checkImageSize", () => {
  it("names the wrong type and the size over 5 MB", () => {
    expect(checkImageFile({ name: "notes.txt", type: "text/plain", size: 10 })).toBe(
      "“notes.txt” is a text/plain file. Choose a JPEG, PNG or WebP image.",
    );
    expect(checkImageFile({ name: "anim.gif", type: "image/gif", size: 10 })).toMatch(/image\/gif file/);
    expect(checkImageFile({ name: "big.jpg", type: "image/jpeg", size: 7.5 * 1024 * 1024 })).toBe(
      "“big.jpg” is 7.5 MB; the limit is 5 MB.",
    );
    expect(checkImageFile({ name: "ok.webp", type: "image/webp", size: 5 * 1024 * 1024 })).toBeNull();
  });

  it("refuses images smaller than the kind's minimum", () => {
    expect(checkImageSize("thumbnail", 100, 50)).toBe(
      "That image is 100×50; a thumbnail needs at least 320×180 after cropping to 16:9.",
    );
    expect(checkImageSize("thumbnail", 300, 300)).not.toBeNull();
    expect(checkImageSize("thumbnail", 320, 180)).toBeNull();
    expect(checkImageSize("avatar", 64, 64)).toBeNull();
    expect(checkImageSize("avatar", 63, 500)).toBe("That image is 63×500; an avatar needs at least 64×64.");
  });
});
