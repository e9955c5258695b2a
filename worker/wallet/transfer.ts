import type { DbOrTx } from "../platform/db/client.ts";
import { postTransfer, type PostTransferResult, type TransferLeg } from "./post-transfer.ts";
import { resolveAccounts } from "./resolve-accounts.ts";
import { splitFee } from "./split-fee.ts";

export interface TransferOptions {
  viewerId: string;
  creatorId: string;
  /** Millicredits the viewer pays for this interval; positive. */
  amount: bigint;
  /** Platform fee in basis points (0–10000), e.g. PLATFORM_FEE_BPS. */
  feeBps: number;
  /** Deterministic, e.g. `meter:<sessionId>:<intervalIndex>`. */
  idempotencyKey: string;
  /** The meter event (or session interval) this pays for. */
  referenceId: string;
  metadata?: Record<string, unknown>;
}

/**
 * The metering primitive: one transaction debits the viewer and splits the amount between
 * the creator's earnings and platform revenue. Replaying the key books nothing.
 */
export async function transfer(db: DbOrTx, options: TransferOptions): Promise<PostTransferResult> {
  if (options.amount <= 0n) throw new Error(`transfer: amount must be positive, got ${options.amount}`);
  const { fee, creatorShare } = splitFee(options.amount, options.feeBps);
  const accounts = await resolveAccounts(db, {
    userWallet: options.viewerId,
    creatorEarnings: options.creatorId,
    platformRevenue: true,
  });
  const common = {
    type: "DEBIT",
    referenceType: "METER_EVENT",
    referenceId: options.referenceId,
    metadata: { feeBps: options.feeBps, ...options.metadata },
  } as const;
  const legs: TransferLeg[] = [{ ...common, walletId: accounts.userWallet, amount: -options.amount }];
  // A zero share gets no entry (entries are never zero); the viewer's debit still balances.
  if (creatorShare > 0n) legs.push({ ...common, walletId: accounts.creatorEarnings, amount: creatorShare });
  if (fee > 0n) legs.push({ ...common, walletId: accounts.platformRevenue, amount: fee });
  return postTransfer(db, {
    idempotencyKey: options.idempotencyKey,
    description: "Stream metering",
    legs,
  });
}
