import { eq } from "drizzle-orm";
import { autoModSettingsSchema, DEFAULT_AUTO_MOD, type AutoModSettings } from "../../contracts/chat.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { chatSettings } from "./chat.schema.ts";

/** The admin's auto-moderation settings (the row from the migration; defaults if it is missing). */
export async function getAutoModSettings(db: DbOrTx): Promise<AutoModSettings> {
  const [row] = await db.select().from(chatSettings).where(eq(chatSettings.id, 1));
  if (!row) return DEFAULT_AUTO_MOD;
  const parsed = autoModSettingsSchema.safeParse({
    profanity: row.profanity,
    spamBlocking: row.spamBlocking,
    linkBlocking: row.linkBlocking,
    allowedDomains: row.allowedDomains,
    customWords: row.customWords,
  });
  // A row the schema refuses can only come from a hand edit: fail safe to the defaults.
  return parsed.success ? parsed.data : DEFAULT_AUTO_MOD;
}

export async function updateAutoModSettings(
  db: DbOrTx,
  input: AutoModSettings,
  actor: { id: string; ip?: string | null },
): Promise<AutoModSettings> {
  const settings: AutoModSettings = {
    ...input,
    allowedDomains: [...new Set(input.allowedDomains)],
    customWords: [...new Set(input.customWords)],
  };
  const values = { ...settings, updatedById: actor.id, updatedAt: new Date() };
  await db
    .insert(chatSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: chatSettings.id, set: values });
  await writeAuditLog(db, {
    actorId: actor.id,
    action: "chat.settings_updated",
    targetType: "CHAT_SETTINGS",
    targetId: "1",
    metadata: { ...settings },
    ip: actor.ip ?? null,
  });
  return settings;
}
