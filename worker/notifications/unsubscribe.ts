import { NOTIFICATION_TYPES, type StoredPreferences } from "../../contracts/notifications.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { badRequest } from "../platform/errors.ts";
import { getNotificationPreferences, updateNotificationPreferences } from "./notification-preferences.ts";
import { type TokenKeys, type UnsubscribeScope, verifyUnsubscribeToken } from "./unsubscribe-token.ts";

/** Turns emails off for the scope a signed link names; the in-app choice stays as it was. */
export async function unsubscribeByToken(
  db: DbOrTx,
  input: { token: string },
  deps: { keys: TokenKeys },
): Promise<{ scope: UnsubscribeScope }> {
  const claim = await verifyUnsubscribeToken(deps.keys, input.token);
  if (!claim) throw badRequest("UNSUBSCRIBE_TOKEN_INVALID", "This unsubscribe link is not valid");
  const current = await getNotificationPreferences(db, claim.userId);
  const types = claim.type === "ALL" ? NOTIFICATION_TYPES : [claim.type];
  const patch: StoredPreferences = {};
  for (const t of types) patch[t] = { inApp: current.types[t].inApp, email: false };
  await updateNotificationPreferences(db, { userId: claim.userId, changes: { types: patch } });
  return { scope: claim.type };
}
