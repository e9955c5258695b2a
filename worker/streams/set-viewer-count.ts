import { eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { streams } from "./streams.schema.ts";

/** The metering domain sets the count of active paid viewings after a session starts or ends. */
export async function setViewerCount(db: DbOrTx, input: { streamId: string; count: number }): Promise<void> {
  await db.update(streams).set({ viewerCount: input.count }).where(eq(streams.id, input.streamId));
}
