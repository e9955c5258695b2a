import { Hono } from "hono";
import { autoModSettingsSchema } from "../../contracts/chat.ts";
import { autoModPreviewSchema, type AutoModPreviewResult } from "../../contracts/moderation.ts";
import { currentUser, requireRole, ROLE_ACCESS } from "../auth/index.ts";
import { clientIp } from "../platform/rate-limit.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { buildAutoMod } from "./auto-mod.ts";
import { getAutoModSettings, updateAutoModSettings } from "./chat-settings.ts";
import { prepareChatText } from "./chat-text.ts";

/**
 * /api/admin/chat-settings: the auto-moderation every chat applies. StreamChat objects read it
 * again within 5 s, so a change reaches every live chat without a restart.
 */
export const chatAdminRoutes = new Hono<AppEnv>()
  .use(requireRole(ROLE_ACCESS.admin))
  .get("/", async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await getAutoModSettings(c.var.db), 200);
  })
  .put("/", validate("json", autoModSettingsSchema), async (c) => {
    const settings = await updateAutoModSettings(c.var.db, c.req.valid("json"), {
      id: currentUser(c).id,
      ip: clientIp(c),
    });
    return c.json(settings, 200);
  })
  // What a sample message becomes under settings not yet saved (the settings page's live preview):
  // the same text rules and filter a chat runs, with no sender history.
  .post("/preview", validate("json", autoModPreviewSchema), async (c) => {
    const { text, settings } = c.req.valid("json");
    const prepared = prepareChatText(text);
    const verdict: AutoModPreviewResult = prepared.ok
      ? buildAutoMod(settings).review(prepared.text, { recent: [] }, Date.now())
      : { ok: false, code: prepared.code, message: prepared.message };
    return c.json(verdict, 200);
  });
