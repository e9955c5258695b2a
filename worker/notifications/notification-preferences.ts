import { eq, inArray, sql } from "drizzle-orm";
import {
  type ChannelPreference,
  type EmailFrequency,
  type NotificationPreferencesDto,
  type NotificationTypeName,
  resolvePreferences,
  type StoredPreferences,
  type UpdateNotificationPreferencesInput,
} from "../../contracts/notifications.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notificationPreferences } from "./notifications.schema.ts";

export interface UserPreferences {
  types: Record<NotificationTypeName, ChannelPreference>;
  emailFrequency: EmailFrequency;
}

export async function getNotificationPreferences(db: DbOrTx, userId: string): Promise<NotificationPreferencesDto> {
  return (
    (await loadPreferences(db, [userId])).get(userId) ?? { types: resolvePreferences(null), emailFrequency: "instant" }
  );
}

/** Preferences of many users in one query (defaults for those who never changed any). */
export async function loadPreferences(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, UserPreferences>> {
  const out = new Map<string, UserPreferences>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, [...userIds]));
  for (const r of rows)
    out.set(r.userId, { types: resolvePreferences(r.preferences), emailFrequency: r.emailFrequency });
  for (const id of userIds) {
    if (!out.has(id)) out.set(id, { types: resolvePreferences(null), emailFrequency: "instant" });
  }
  return out;
}

/** Merges the changed types over what the user had; one upsert. */
export async function updateNotificationPreferences(
  db: DbOrTx,
  input: { userId: string; changes: UpdateNotificationPreferencesInput },
): Promise<NotificationPreferencesDto> {
  const patch: StoredPreferences = input.changes.types ?? {};
  await db
    .insert(notificationPreferences)
    .values({
      userId: input.userId,
      preferences: patch,
      emailFrequency: input.changes.emailFrequency ?? "instant",
    })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: {
        preferences: sql`${notificationPreferences.preferences} || ${JSON.stringify(patch)}::jsonb`,
        ...(input.changes.emailFrequency ? { emailFrequency: input.changes.emailFrequency } : {}),
        updatedAt: new Date(),
      },
    });
  return getNotificationPreferences(db, input.userId);
}

export async function findPreferenceRow(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return row ?? null;
}
