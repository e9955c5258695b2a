/** RGBA pixels, 4 bytes a pixel, row by row (what the decoders give and the encoder takes). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest rectangle of the given aspect (width / height) centred in the image, in whole pixels. */
export function centerCrop(width: number, height: number, aspect: number): Rect {
  const cropWidth = Math.min(width, Math.round(height * aspect));
  const cropHeight = Math.min(height, Math.round(cropWidth / aspect));
  return {
    x: Math.floor((width - cropWidth) / 2),
    y: Math.floor((height - cropHeight) / 2),
    width: cropWidth,
    height: cropHeight,
  };
}

interface Taps {
  start: number;
  weights: Float32Array;
}

/**
 * For each of `to` output pixels, the source pixels it mixes and their weights: a tent filter as wide
 * as one output pixel when shrinking (so every source pixel counts, like an area average) and as one
 * source pixel when enlarging (bilinear).
 */
function taps(from: number, to: number): Taps[] {
  const scale = from / to;
  const radius = Math.max(scale, 1);
  const out: Taps[] = [];
  for (let i = 0; i < to; i++) {
    const center = (i + 0.5) * scale;
    const start = Math.max(0, Math.floor(center - radius));
    const end = Math.min(from, Math.ceil(center + radius));
    const weights = new Float32Array(Math.max(end - start, 1));
    let sum = 0;
    for (let j = start; j < end; j++) {
      const w = Math.max(0, 1 - Math.abs(j + 0.5 - center) / radius);
      weights[j - start] = w;
      sum += w;
    }
    if (sum === 0) weights[0] = 1;
    else for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] ?? 0) / sum;
    out.push({ start: Math.min(start, from - 1), weights });
  }
  return out;
}

/**
 * Cuts `crop` out of the image and scales it to `width` × `height`: two separable passes (rows, then
 * columns). Colour is mixed weighted by alpha, so transparent pixels lend no colour to their neighbours.
 */
export function cropAndResize(source: Pixels, crop: Rect, width: number, height: number): Pixels {
  if (crop.x < 0 || crop.y < 0 || crop.x + crop.width > source.width || crop.y + crop.height > source.height) {
    throw new RangeError("The crop lies outside the image");
  }
  const across = taps(crop.width, width);
  const down = taps(crop.height, height);
  // Rows first: premultiplied RGBA floats, `width` wide and crop.height tall.
  const rows = new Float32Array(width * crop.height * 4);
  for (let y = 0; y < crop.height; y++) {
    const srcRow = ((crop.y + y) * source.width + crop.x) * 4;
    for (let x = 0; x < width; x++) {
      const t = across[x] as Taps;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0; k < t.weights.length; k++) {
        const p = srcRow + (t.start + k) * 4;
        const alpha = (source.data[p + 3] ?? 0) * (t.weights[k] ?? 0);
        r += (source.data[p] ?? 0) * alpha;
        g += (source.data[p + 1] ?? 0) * alpha;
        b += (source.data[p + 2] ?? 0) * alpha;
        a += alpha;
      }
      const o = (y * width + x) * 4;
      rows[o] = r;
      rows[o + 1] = g;
      rows[o + 2] = b;
      rows[o + 3] = a;
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const t = down[y] as Taps;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0; k < t.weights.length; k++) {
        const p = ((t.start + k) * width + x) * 4;
        const w = t.weights[k] ?? 0;
        r += (rows[p] ?? 0) * w;
        g += (rows[p + 1] ?? 0) * w;
        b += (rows[p + 2] ?? 0) * w;
        a += (rows[p + 3] ?? 0) * w;
      }
      const o = (y * width + x) * 4;
      if (a > 0) {
        data[o] = Math.round(r / a);
        data[o + 1] = Math.round(g / a);
        data[o + 2] = Math.round(b / a);
      }
      data[o + 3] = Math.round(a);
    }
  }
  return { data, width, height };
}
