import { eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { profiles } from "./users.schema.ts";

export interface ProfileText {
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
}

/** The user's own display name and bio (the avatar has its upload); runs in the caller's transaction. */
export async function updateProfile(
  db: DbOrTx,
  input: { userId: string; displayName: string; bio: string | null },
): Promise<ProfileText> {
  const [row] = await db
    .update(profiles)
    .set({ displayName: input.displayName, bio: input.bio })
    .where(eq(profiles.userId, input.userId))
    .returning({ displayName: profiles.displayName, bio: profiles.bio, avatarUrl: profiles.avatarUrl });
  if (!row) throw notFound("Profile");
  return row;
}
