import type { CreatorSettingsDto, UpdateCreatorSettingsInput } from "../../contracts/creator-settings.ts";
import { getCategoriesById } from "../categories/index.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { updateProfile } from "../users/index.ts";
import { creatorSettings } from "./creators.schema.ts";

/** Saves the profile text and upserts the stream defaults together, or neither. */
export async function updateCreatorSettings(
  db: Db,
  input: UpdateCreatorSettingsInput & { userId: string },
): Promise<CreatorSettingsDto> {
  const { profile, defaults } = input;
  return db.transaction(async (tx) => {
    if (defaults.categoryId !== null) {
      const found = await getCategoriesById(tx, [defaults.categoryId]);
      if (!found.has(defaults.categoryId)) throw new AppError("CATEGORY_NOT_FOUND", 404, "No such category");
    }
    const saved = await updateProfile(tx, {
      userId: input.userId,
      displayName: profile.displayName,
      bio: profile.bio === "" ? null : profile.bio,
    });
    const values = {
      defaultCategoryId: defaults.categoryId,
      defaultTags: defaults.tags,
      defaultQuality: defaults.quality,
    };
    const [row] = await tx
      .insert(creatorSettings)
      .values({ userId: input.userId, ...values })
      .onConflictDoUpdate({ target: creatorSettings.userId, set: { ...values, updatedAt: new Date() } })
      .returning();
    if (!row) throw new Error("creator_settings upsert returned no row");
    return {
      profile: saved,
      defaults: { categoryId: row.defaultCategoryId, tags: row.defaultTags, quality: row.defaultQuality },
    };
  });
}
