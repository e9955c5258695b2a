import { eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { profiles } from "./users.schema.ts";

/** Points the user's own profile at an uploaded avatar (or none). */
export async function setAvatarUrl(db: DbOrTx, input: { userId: string; url: string | null }): Promise<void> {
  const [row] = await db
    .update(profiles)
    .set({ avatarUrl: input.url })
    .where(eq(profiles.userId, input.userId))
    .returning({ id: profiles.id });
  if (!row) throw notFound("Profile");
}
