import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ErrorBody } from "../../contracts/errors.ts";
import { MAX_UPLOAD_BYTES, uploadResultSchema, type UploadResult } from "../../contracts/uploads.ts";
import { decodeImage } from "../../worker/uploads/codecs.ts";
import { adminSession, createStream, freshCreator } from "./support/live.ts";
import { Session, signUpVerified } from "./support/session.ts";

const fixtures = z
  .record(z.string(), z.string())
  .parse((env as unknown as Record<string, unknown>).TEST_IMAGE_FIXTURES);
function fixture(name: string): Uint8Array<ArrayBuffer> {
  const base64 = fixtures[name];
  if (base64 === undefined) throw new Error(`no fixture ${name}`);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

const ORIGIN = "http://127.0.0.1:8787";

interface UploadForm {
  kind?: string;
  streamId?: string;
  file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string };
}

/** POST /api/upload/thumbnail as the uploader sends it: multipart, the session's cookies. */
async function upload(session: Session | null, form: UploadForm) {
  const body = new FormData();
  if (form.kind) body.set("kind", form.kind);
  if (form.streamId) body.set("streamId", form.streamId);
  if (form.file) body.set("file", new File([form.file.bytes], form.file.name, { type: form.file.type }));
  const headers: Record<string, string> = { origin: ORIGIN };
  const cookie = session?.cookieHeader();
  if (cookie) headers.cookie = cookie;
  if (session) headers["cf-connecting-ip"] = session.ip;
  const res = await SELF.fetch(`${ORIGIN}/api/upload/thumbnail`, { method: "POST", headers, body });
  return { status: res.status, body: (await res.json()) as unknown };
}

const errorCode = (body: unknown) => (body as ErrorBody).error.code;
const file = (name: string, type = "image/png") => ({ bytes: fixture(name), name, type });

/** Fetches one stored size as a browser would, and decodes it with libwebp. */
async function fetchMedia(url: string) {
  const res = await SELF.fetch(`${ORIGIN}${url}`);
  const bytes = await res.arrayBuffer();
  return { res, bytes, image: res.ok ? await decodeImage("image/webp", bytes) : null };
}

let creator: { session: Session; userId: string };
let other: { session: Session; userId: string };
let streamId: string;
let otherStreamId: string;

beforeAll(async () => {
  creator = await freshCreator("upload-creator");
  other = await freshCreator("upload-other");
  streamId = (await createStream(creator.session, "Thumbnail stream")).id;
  otherStreamId = (await createStream(other.session, "Someone else's stream")).id;
});

describe("POST /api/upload/thumbnail: good images", () => {
  it.each([
    ["landscape.jpg", "image/jpeg"],
    ["landscape.png", "image/png"],
    ["landscape.webp", "image/webp"],
  ])("turns a %s into WebP thumbnails at 320, 640 and 1280 wide, stored and served for a year", async (name, type) => {
    const res = await upload(creator.session, { kind: "thumbnail", streamId, file: file(name, type) });
    expect(res.status).toBe(201);
    const result: UploadResult = uploadResultSchema.parse(res.body);
    expect(result.sizes.map((s) => s.width)).toEqual([320, 640, 1280]);
    expect(result.url).toBe(result.sizes[1]?.url);
    expect(result.url).toMatch(/^\/media\/thumbnails\/[0-9a-f]{64}-640\.webp$/);

    for (const size of result.sizes) {
      const stored = await env.MEDIA.head(size.url.slice("/media/".length));
      expect(stored?.httpMetadata?.contentType).toBe("image/webp");

      const { res: served, image } = await fetchMedia(size.url);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/webp");
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(served.headers.get("etag")).toBeTruthy();
      // 16:9 at the stored width: 320×180, 640×360, 1280×720.
      expect({ width: image?.width, height: image?.height }).toEqual({
        width: size.width,
        height: (size.width * 9) / 16,
      });
    }

    // The stream now shows it.
    const stream = await creator.session.call<{ stream: { thumbnailUrl: string | null } }>(`/api/streams/${streamId}`);
    expect(stream.body.stream.thumbnailUrl).toBe(result.url);
  });

  it("centre-crops to 16:9: the light disc in the middle of the picture stays in the middle", async () => {
    // landscape.png is 800×600: the crop keeps rows 75–525, so the disc (radius 150 around 400,300) is centred.
    const res = await upload(creator.session, { kind: "thumbnail", streamId, file: file("landscape.png") });
    const { sizes } = uploadResultSchema.parse(res.body);
    const { image } = await fetchMedia(sizes[0]?.url ?? "");
    if (!image) throw new Error("not served");
    const at = (x: number, y: number) => [...image.data.subarray((y * 320 + x) * 4, (y * 320 + x) * 4 + 4)];
    const [r, g, b] = at(160, 90);
    // The disc is (250, 240, 200); lossy WebP may move it a little.
    expect(Math.abs((r ?? 0) - 250) + Math.abs((g ?? 0) - 240) + Math.abs((b ?? 0) - 200)).toBeLessThan(30);
    // The first 100 columns of the source (the left 1/8) are transparent: 40 columns at 320 wide.
    expect(at(10, 90)[3]).toBeLessThan(20);
    expect(at(200, 90)[3]).toBe(255);
  });

  it("answers 304 to a browser revalidating with the ETag", async () => {
    const res = await upload(creator.session, {
      kind: "thumbnail",
      streamId,
      file: file("landscape.webp", "image/webp"),
    });
    const { url } = uploadResultSchema.parse(res.body);
    const first = await SELF.fetch(`${ORIGIN}${url}`);
    await first.arrayBuffer();
    const again = await SELF.fetch(`${ORIGIN}${url}`, {
      headers: { "if-none-match": first.headers.get("etag") ?? "" },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("lets an admin set any creator's thumbnail", async () => {
    const admin = await adminSession();
    const res = await upload(admin, {
      kind: "thumbnail",
      streamId: otherStreamId,
      file: file("landscape.jpg", "image/jpeg"),
    });
    expect(res.status).toBe(201);
    const stream = await other.session.call<{ stream: { thumbnailUrl: string | null } }>(
      `/api/streams/${otherStreamId}`,
    );
    expect(stream.body.stream.thumbnailUrl).toBe(uploadResultSchema.parse(res.body).url);
  });
});

describe("POST /api/upload/thumbnail: avatars", () => {
  it("stores square WebP avatars at 64, 128 and 256 and sets the caller's profile avatar", async () => {
    const { session } = await signUpVerified("upload-avatar");
    const res = await upload(session, { kind: "avatar", file: file("square.png") });
    expect(res.status).toBe(201);
    const result = uploadResultSchema.parse(res.body);
    expect(result.sizes.map((s) => s.width)).toEqual([64, 128, 256]);
    expect(result.url).toMatch(/^\/media\/avatars\/[0-9a-f]{64}-128\.webp$/);
    const { image } = await fetchMedia(result.sizes[2]?.url ?? "");
    expect({ width: image?.width, height: image?.height }).toEqual({ width: 256, height: 256 });

    const me = await session.call<{ profile: { avatarUrl: string | null } }>("/api/me");
    expect(me.body.profile.avatarUrl).toBe(result.url);
  });

  it("crops a landscape photo to a square avatar", async () => {
    const { session } = await signUpVerified("upload-avatar-crop");
    const res = await upload(session, { kind: "avatar", file: file("landscape.jpg", "image/jpeg") });
    expect(res.status).toBe(201);
    const { image } = await fetchMedia(uploadResultSchema.parse(res.body).sizes[0]?.url ?? "");
    expect({ width: image?.width, height: image?.height }).toEqual({ width: 64, height: 64 });
  });
});

describe("POST /api/upload/thumbnail: refused", () => {
  it("refuses guests (401)", async () => {
    const res = await upload(null, { kind: "avatar", file: file("square.png") });
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe("UNAUTHORIZED");
  });

  it("refuses another creator's stream (403) and a stream that does not exist (404)", async () => {
    const theirs = await upload(creator.session, {
      kind: "thumbnail",
      streamId: otherStreamId,
      file: file("landscape.png"),
    });
    expect(theirs.status).toBe(403);
    const none = await upload(creator.session, {
      kind: "thumbnail",
      streamId: crypto.randomUUID(),
      file: file("landscape.png"),
    });
    expect(none.status).toBe(404);
    // And nothing changed on the other stream.
    const stream = await other.session.call<{ stream: { thumbnailUrl: string | null } }>(
      `/api/streams/${otherStreamId}`,
    );
    expect(stream.body.stream.thumbnailUrl).not.toBeNull(); // the admin's, from above
    const before = stream.body.stream.thumbnailUrl;
    await upload(creator.session, { kind: "thumbnail", streamId: otherStreamId, file: file("square.png") });
    const after = await other.session.call<{ stream: { thumbnailUrl: string | null } }>(
      `/api/streams/${otherStreamId}`,
    );
    expect(after.body.stream.thumbnailUrl).toBe(before);
  });

  it("refuses a viewer's thumbnail for a creator's stream (403)", async () => {
    const { session } = await signUpVerified("upload-viewer");
    const res = await upload(session, { kind: "thumbnail", streamId, file: file("landscape.png") });
    expect(res.status).toBe(403);
  });

  it("refuses files over 5 MB (413), whether or not the body fits the upload limit", async () => {
    // A PNG signature then padding: one byte over the limit, inside the multipart allowance.
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(fixture("landscape.png").subarray(0, 64));
    const justOver = await upload(creator.session, {
      kind: "thumbnail",
      streamId,
      file: { bytes: big, name: "big.png", type: "image/png" },
    });
    expect(justOver.status).toBe(413);
    expect(errorCode(justOver.body)).toBe("PAYLOAD_TOO_LARGE");

    const huge = new Uint8Array(8 * 1024 * 1024);
    huge.set(fixture("landscape.png").subarray(0, 64));
    const wayOver = await upload(creator.session, {
      kind: "thumbnail",
      streamId,
      file: { bytes: huge, name: "huge.png", type: "image/png" },
    });
    expect(wayOver.status).toBe(413);
  });

  it("keeps the 256 KB limit on every other API route", async () => {
    const res = await creator.session.call("/api/streams", {
      method: "POST",
      rawBody: JSON.stringify({ title: "x".repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it.each([
    ["not-an-image.png", "image/png", "HTML named .png"],
    ["vector.png", "image/png", "SVG named .png"],
    ["pixel.gif", "image/gif", "a GIF"],
    ["pixel.gif", "image/jpeg", "a GIF claiming to be a JPEG"],
  ])("refuses %s sent as %s (%s) by its bytes: 415", async (name, type) => {
    const res = await upload(creator.session, { kind: "thumbnail", streamId, file: file(name, type) });
    expect(res.status).toBe(415);
    expect(errorCode(res.body)).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses images too small for a thumbnail and too large to decode (422)", async () => {
    const tiny = await upload(creator.session, { kind: "thumbnail", streamId, file: file("tiny.png") });
    expect(tiny.status).toBe(422);
    expect(errorCode(tiny.body)).toBe("IMAGE_DIMENSIONS");
    expect((tiny.body as ErrorBody).error.message).toContain("100×50");

    // 300×300 is fine as an avatar but its 16:9 crop (300×169) is too short for a thumbnail.
    const square = await upload(creator.session, { kind: "thumbnail", streamId, file: file("square.png") });
    expect(square.status).toBe(422);

    const wide = await upload(creator.session, { kind: "avatar", file: file("too-wide.png") });
    expect(wide.status).toBe(422);
    expect(errorCode(wide.body)).toBe("IMAGE_DIMENSIONS");
  });

  it("refuses a PNG whose header promises more than its broken body holds (422)", async () => {
    const cut = fixture("landscape.png").slice(0, 2000);
    const res = await upload(creator.session, {
      kind: "thumbnail",
      streamId,
      file: { bytes: cut, name: "cut.png", type: "image/png" },
    });
    expect(res.status).toBe(422);
    expect(errorCode(res.body)).toBe("INVALID_IMAGE");
  });

  it("refuses bad requests (400): not multipart, no file, unknown kind, a thumbnail without a stream", async () => {
    const json = await creator.session.call("/api/upload/thumbnail", { method: "POST", body: { kind: "avatar" } });
    expect(json.status).toBe(400);
    expect((await upload(creator.session, { kind: "avatar" })).status).toBe(400);
    expect((await upload(creator.session, { kind: "banner", file: file("square.png") })).status).toBe(400);
    expect((await upload(creator.session, { kind: "thumbnail", file: file("landscape.png") })).status).toBe(400);
    expect(
      (await upload(creator.session, { kind: "thumbnail", streamId: "42", file: file("landscape.png") })).status,
    ).toBe(400);
  });
});

describe("POST /api/upload/thumbnail: rate limit", () => {
  it("allows 60 uploads an hour per account, then answers 429", async () => {
    const { session } = await signUpVerified("upload-rate");
    // Bodies the route refuses cheaply still count: every request is a hit.
    for (let i = 0; i < 60; i++) {
      const res = await session.call("/api/upload/thumbnail", { method: "POST", body: {} });
      expect(res.status).toBe(400);
    }
    const res = await upload(session, { kind: "avatar", file: file("square.png") });
    expect(res.status).toBe(429);
    expect(errorCode(res.body)).toBe("RATE_LIMITED");
  });
});

describe("GET /media/<key>", () => {
  it("answers 404 JSON for a key that was never stored or is not one of ours", async () => {
    for (const path of [
      `/media/thumbnails/${"0".repeat(64)}-640.webp`,
      "/media/avatars/not-a-hash-128.webp",
      "/media/x.webp",
    ]) {
      const res = await SELF.fetch(`${ORIGIN}${path}`);
      expect(res.status).toBe(404);
      expect(errorCode(await res.json())).toBe("NOT_FOUND");
    }
  });
});
