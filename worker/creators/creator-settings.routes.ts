import { Hono } from "hono";
import { updateCreatorSettingsSchema } from "../../contracts/creator-settings.ts";
import { currentUser } from "../auth/index.ts";
import type { AppEnv } from "../platform/types.ts";
import { validate } from "../platform/validate.ts";
import { getCreatorSettings } from "./get-creator-settings.ts";
import { updateCreatorSettings } from "./update-creator-settings.ts";

/** /api/creator/settings: mounted inside the creator area, which guards it (creators and admins). */
export const creatorSettingsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const settings = await getCreatorSettings(c.var.db, currentUser(c).id);
    c.header("cache-control", "no-store");
    return c.json(settings);
  })
  .put("/", validate("json", updateCreatorSettingsSchema), async (c) => {
    const settings = await updateCreatorSettings(c.var.db, { ...c.req.valid("json"), userId: currentUser(c).id });
    c.header("cache-control", "no-store");
    return c.json(settings);
  });
