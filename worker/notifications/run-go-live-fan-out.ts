import type { DbOrTx } from "../platform/db/client.ts";
import type { Logger } from "../platform/logger.ts";
import { type GoLiveMessage, notifyFollowersBatch } from "./notify-followers-on-live.ts";

export interface FanOutDeps {
  /** Puts a continuation on the queue when the time budget runs out before the followers do. */
  enqueue: (message: GoLiveMessage) => Promise<void>;
  /** After each batch: the instant emails of what it booked. */
  afterBatch?: (emailPending: { id: string; userId: string }[]) => Promise<void>;
  now?: () => number;
  logger?: Logger;
}

export interface FanOutReport {
  scanned: number;
  booked: number;
  batches: number;
  continuedAfter: string | null;
}

/**
 * Works through one go-live message: batch after batch of followers until none are left or the
 * time budget is spent, then hands the rest to a continuation message. Each batch commits on its
 * own, and a retried message re-runs from its own starting point: the dedupe key makes that safe.
 */
export async function runGoLiveFanOut(
  db: DbOrTx,
  input: { message: GoLiveMessage; batchSize: number; budgetMs: number },
  deps: FanOutDeps,
): Promise<FanOutReport> {
  const now = deps.now ?? Date.now;
  const deadline = now() + input.budgetMs;
  const report: FanOutReport = { scanned: 0, booked: 0, batches: 0, continuedAfter: null };
  let after = input.message.afterUserId;
  for (;;) {
    const batch = await notifyFollowersBatch(db, {
      message: input.message,
      afterUserId: after,
      limit: input.batchSize,
    });
    report.batches += 1;
    report.scanned += batch.scanned;
    report.booked += batch.booked;
    if (batch.emailPending.length > 0) await deps.afterBatch?.(batch.emailPending);
    if (batch.scanned < input.batchSize || !batch.lastUserId) return report;
    after = batch.lastUserId;
    if (now() >= deadline) {
      await deps.enqueue({ ...input.message, afterUserId: after });
      report.continuedAfter = after;
      return report;
    }
  }
}
