/** What an image upload is for: a stream's 16:9 thumbnail or the caller's square avatar. */
export const UPLOAD_KINDS = ["thumbnail", "avatar"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export interface UploadKindSpec {
  /** Width divided by height of every stored size. */
  aspect: number;
  /** Widths stored, smallest first. */
  widths: readonly number[];
  /** The width whose URL is stored on the stream or profile (an `<img src>` fallback). */
  defaultWidth: number;
  minWidth: number;
  minHeight: number;
  /** The R2 key folder and URL segment. */
  folder: string;
  /** In a sentence: "a thumbnail", "an avatar". */
  noun: string;
}

export const UPLOAD_KINDS_SPEC: Record<UploadKind, UploadKindSpec> = {
  thumbnail: {
    aspect: 16 / 9,
    widths: [320, 640, 1280],
    defaultWidth: 640,
    minWidth: 320,
    minHeight: 180,
    folder: "thumbnails",
    noun: "a thumbnail",
  },
  avatar: {
    aspect: 1,
    widths: [64, 128, 256],
    defaultWidth: 128,
    minWidth: 64,
    minHeight: 64,
    folder: "avatars",
    noun: "an avatar",
  },
};

/** Height of a stored size: the width over the kind's aspect, rounded. */
export const variantHeight = (kind: UploadKind, width: number): number =>
  Math.round(width / UPLOAD_KINDS_SPEC[kind].aspect);

/** Where stored images are served from (outside /api, with year-long immutable caching). */
export const MEDIA_PREFIX = "/media/";

/** R2 key of one stored size: `<folder>/<sha-256 hex of the source>-<width>.webp`. */
export const mediaKey = (kind: UploadKind, hash: string, width: number): string =>
  `${UPLOAD_KINDS_SPEC[kind].folder}/${hash}-${width}.webp`;

export const mediaUrl = (key: string): string => `${MEDIA_PREFIX}${key}`;

const MEDIA_URL = /^\/media\/(thumbnails|avatars)\/([0-9a-f]{64})-(\d+)\.webp$/;

export interface ImageSize {
  width: number;
  url: string;
}

/**
 * Every stored size of an uploaded image, from the one URL kept on the stream or profile (the naming
 * convention of `mediaKey`); an empty list for any other URL (an external https:// thumbnail).
 */
export function imageSizes(url: string | null | undefined): ImageSize[] {
  const match = url ? MEDIA_URL.exec(url) : null;
  if (!match) return [];
  const [, folder, hash] = match;
  const kind = UPLOAD_KINDS.find((k) => UPLOAD_KINDS_SPEC[k].folder === folder);
  if (!kind || !hash) return [];
  return UPLOAD_KINDS_SPEC[kind].widths.map((width) => ({ width, url: mediaUrl(mediaKey(kind, hash, width)) }));
}

/** `srcset` for an `<img>`: "url 320w, url 640w, …", or undefined when the URL is not one of ours. */
export function imageSrcset(url: string | null | undefined): string | undefined {
  const sizes = imageSizes(url);
  return sizes.length ? sizes.map((s) => `${s.url} ${s.width}w`).join(", ") : undefined;
}

/** Is this a URL `imageSizes` understands (a stored upload)? */
export const isMediaUrl = (url: string): boolean => MEDIA_URL.test(url);
