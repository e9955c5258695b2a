import { Hono } from "hono";
import { isMediaUrl, MEDIA_PREFIX } from "../../contracts/uploads.ts";
import { notFound } from "../platform/errors.ts";
import type { AppEnv } from "../platform/types.ts";
import { IMMUTABLE_CACHE } from "./store-image.ts";

/**
 * GET /media/<key>: stored images from R2, cached for a year (keys name their content), with an ETag
 * so a revalidating client gets a 304. Only keys of the shape uploads write are looked up.
 */
export const mediaRoutes = new Hono<AppEnv>().on(["GET", "HEAD"], "/*", async (c) => {
  if (!isMediaUrl(c.req.path)) throw notFound("Image");
  const key = c.req.path.slice(MEDIA_PREFIX.length);
  const object = await c.env.MEDIA.get(key, { onlyIf: c.req.raw.headers });
  if (!object) throw notFound("Image");
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("etag", object.httpEtag);
  headers.set("cache-control", IMMUTABLE_CACHE);
  // onlyIf matched the client's If-None-Match: R2 returns the object without its body.
  if (!("body" in object)) return new Response(null, { status: 304, headers });
  return new Response(c.req.method === "HEAD" ? null : object.body, { headers });
});
