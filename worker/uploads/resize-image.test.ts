import { describe, expect, it } from "vitest";
import { centerCrop, cropAndResize, type Pixels } from "./resize-image.ts";

function solid(width: number, height: number, rgba: [number, number, number, number]): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { data, width, height };
}
const pixel = (p: Pixels, x: number, y: number) => [
  ...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4),
];

describe("centerCrop", () => {
  it("cuts the sides of a wide image and the top and bottom of a tall one", () => {
    expect(centerCrop(2000, 900, 16 / 9)).toEqual({ x: 200, y: 0, width: 1600, height: 900 });
    expect(centerCrop(800, 600, 16 / 9)).toEqual({ x: 0, y: 75, width: 800, height: 450 });
    expect(centerCrop(300, 500, 1)).toEqual({ x: 0, y: 100, width: 300, height: 300 });
    expect(centerCrop(1280, 720, 16 / 9)).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });
});

describe("cropAndResize", () => {
  it("averages the pixels it shrinks: a 2-pixel checkerboard becomes mid grey", () => {
    const src: Pixels = { data: new Uint8ClampedArray(8 * 8 * 4), width: 8, height: 8 };
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) {
        const v = (x + y) % 2 ? 255 : 0;
        src.data.set([v, v, v, 255], (y * 8 + x) * 4);
      }
    const out = cropAndResize(src, { x: 0, y: 0, width: 8, height: 8 }, 2, 2);
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const) {
      const [r, , , a] = pixel(out, x, y);
      expect(a).toBe(255);
      expect(Math.abs((r ?? 0) - 127.5)).toBeLessThan(12);
    }
  });

  it("takes only the crop: the left half red, the right half blue, cropping the right half gives blue", () => {
    const src = solid(20, 10, [255, 0, 0, 255]);
    for (let y = 0; y < 10; y++) for (let x = 10; x < 20; x++) src.data.set([0, 0, 255, 255], (y * 20 + x) * 4);
    const out = cropAndResize(src, { x: 10, y: 0, width: 10, height: 10 }, 4, 4);
    expect(out.width).toBe(4);
    expect(out.height).toBe(4);
    expect(pixel(out, 0, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(out, 3, 3)).toEqual([0, 0, 255, 255]);
  });

  it("enlarges a flat colour without changing it", () => {
    const out = cropAndResize(solid(3, 2, [10, 200, 30, 255]), { x: 0, y: 0, width: 3, height: 2 }, 30, 20);
    expect(out.data.length).toBe(30 * 20 * 4);
    expect(pixel(out, 0, 0)).toEqual([10, 200, 30, 255]);
    expect(pixel(out, 29, 19)).toEqual([10, 200, 30, 255]);
  });

  it("lends no colour from transparent pixels", () => {
    // Left half: transparent black; right half: opaque white.
    const src = solid(4, 1, [255, 255, 255, 255]);
    src.data.set([0, 0, 0, 0, 0, 0, 0, 0], 0);
    const out = cropAndResize(src, { x: 0, y: 0, width: 4, height: 1 }, 1, 1);
    const [r, g, b, a] = pixel(out, 0, 0);
    expect([r, g, b]).toEqual([255, 255, 255]);
    expect(Math.abs((a ?? 0) - 127.5)).toBeLessThan(1);
  });

  it("refuses a crop outside the image", () => {
    expect(() => cropAndResize(solid(10, 10, [0, 0, 0, 255]), { x: 5, y: 0, width: 6, height: 10 }, 2, 2)).toThrow(
      RangeError,
    );
  });
});
