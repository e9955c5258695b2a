import { eq } from "drizzle-orm";
import type { CreatorSettingsDto } from "../../contracts/creator-settings.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { findProfile } from "../users/index.ts";
import { creatorSettings } from "./creators.schema.ts";

/** The built-in defaults of a creator who has saved none. */
export const DEFAULT_STREAM_DEFAULTS: CreatorSettingsDto["defaults"] = { categoryId: null, tags: [], quality: "auto" };

/** The caller's own profile and stream defaults (only ever the caller's: the id comes from the session). */
export async function getCreatorSettings(db: DbOrTx, userId: string): Promise<CreatorSettingsDto> {
  // Sequential on the request's one connection.
  const profile = await findProfile(db, userId);
  if (!profile) throw notFound("Profile");
  const [settings] = await db.select().from(creatorSettings).where(eq(creatorSettings.userId, userId));
  return {
    profile: { displayName: profile.displayName, bio: profile.bio, avatarUrl: profile.avatarUrl },
    defaults: settings
      ? { categoryId: settings.defaultCategoryId, tags: settings.defaultTags, quality: settings.defaultQuality }
      : DEFAULT_STREAM_DEFAULTS,
  };
}
