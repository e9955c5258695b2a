import { Hono, type Context } from "hono";
import { z } from "zod";
import { chatHistoryQuerySchema, chatModesPatchSchema, moderateChatSchema } from "../../contracts/chat.ts";
import { currentUser, loadSigningKeys, requireAuth } from "../auth/index.ts";
import { listStreamModerationActions } from "../moderation/index.ts";
import { AppError, forbidden, notFound } from "../platform/errors.ts";
import { clientIp } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { findStream } from "../streams/index.ts";
import { streamChatObject } from "./chat-deps.ts";
import { canModerate } from "./chat-gate.ts";
import { listChatMessages } from "./chat-messages.ts";
import { getChatModes, updateChatModes } from "./chat-modes.ts";
import { moderateChat } from "./moderate-chat.ts";
import { openChat } from "./open-chat.ts";

const idParam = z.object({ id: z.uuid("The stream id must be a UUID") });

async function streamOr404(c: Context<AppEnv>, id: string) {
  const stream = await findStream(c.var.db, id);
  if (!stream) throw notFound("Stream");
  return stream;
}

/** The stream, if the signed-in user moderates its chat (its creator, moderators, admins). */
async function moderatedStream(c: Context<AppEnv>, id: string) {
  const stream = await streamOr404(c, id);
  const user = currentUser(c);
  if (!canModerate(user.role, user.id === stream.creatorId)) {
    throw forbidden("Only the stream's creator, moderators and admins moderate this chat");
  }
  return stream;
}

/** /api/streams/:id/… chat routes; mounted beside the streams router, guards per route. */
export const chatRoutes = new Hono<AppEnv>()
  .post("/:id/chat/token", requireAuth(), validate("param", idParam), async (c) => {
    const stream = await streamOr404(c, c.req.valid("param").id);
    const keys = await loadSigningKeys(c.var.config.JWT_PRIVATE_KEY, c.var.config.JWT_KEY_ID);
    const body = await openChat(c.var.db, { stream, user: currentUser(c) }, { keys });
    c.header("cache-control", "no-store");
    return c.json(body, 200);
  })
  // The token in the query is the credential (a WebSocket cannot send headers); the object checks it.
  .get("/:id/chat", validate("param", idParam), async (c) => {
    if (c.req.header("upgrade") !== "websocket") {
      throw new AppError("BAD_REQUEST", 426, "This endpoint speaks WebSocket only");
    }
    const streamId = c.req.valid("param").id;
    const headers = new Headers(c.req.raw.headers);
    headers.set("x-tollgate-stream", streamId);
    return streamChatObject(c.env, streamId).fetch(new Request(c.req.url, { headers, method: "GET" }));
  })
  .get(
    "/:id/messages",
    requireAuth(),
    validate("param", idParam),
    validate("query", chatHistoryQuerySchema),
    async (c) => {
      const stream = await streamOr404(c, c.req.valid("param").id);
      const { cursor, limit } = c.req.valid("query");
      // Messages accepted in the last second may still be on their way from the object.
      if (!cursor) await streamChatObject(c.env, stream.id).flush();
      const page = await listChatMessages(c.var.db, {
        streamId: stream.id,
        creatorId: stream.creatorId,
        cursor,
        limit,
      });
      c.header("cache-control", "no-store");
      return c.json(page, 200);
    },
  )
  .post("/:id/moderate", requireAuth(), validate("param", idParam), validate("json", moderateChatSchema), async (c) => {
    const stream = await streamOr404(c, c.req.valid("param").id);
    const chat = streamChatObject(c.env, stream.id);
    const user = currentUser(c);
    const { action, effect } = await moderateChat(
      c.var.db,
      { stream, actor: { id: user.id, role: user.role }, request: c.req.valid("json"), ip: clientIp(c) },
      { flushPending: async () => void (await chat.flush()) },
    );
    await chat.apply(effect);
    return c.json({ action }, 201);
  })
  .get("/:id/moderation", requireAuth(), validate("param", idParam), async (c) => {
    const stream = await moderatedStream(c, c.req.valid("param").id);
    c.header("cache-control", "no-store");
    return c.json({ actions: await listStreamModerationActions(c.var.db, stream.id) }, 200);
  })
  .get("/:id/chat/chatters", requireAuth(), validate("param", idParam), async (c) => {
    const stream = await moderatedStream(c, c.req.valid("param").id);
    c.header("cache-control", "no-store");
    return c.json({ chatters: await streamChatObject(c.env, stream.id).chatters() }, 200);
  })
  .get("/:id/chat/modes", requireAuth(), validate("param", idParam), async (c) => {
    const stream = await streamOr404(c, c.req.valid("param").id);
    return c.json(await getChatModes(c.var.db, stream.id), 200);
  })
  .patch(
    "/:id/chat/modes",
    requireAuth(),
    validate("param", idParam),
    validate("json", chatModesPatchSchema),
    async (c) => {
      const stream = await moderatedStream(c, c.req.valid("param").id);
      const modes = await updateChatModes(c.var.db, stream.id, c.req.valid("json"));
      await streamChatObject(c.env, stream.id).apply({ kind: "modes", modes });
      return c.json(modes, 200);
    },
  );
