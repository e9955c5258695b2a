import { eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { postTransfer, type TransferLeg } from "./post-transfer.ts";
import { resolveAccounts } from "./resolve-accounts.ts";
import { splitFee } from "./split-fee.ts";
import { ledgerTransfers, wallets } from "./wallet.schema.ts";

export interface SettleSessionEscrowInput {
  sessionId: string;
  escrowWalletId: string;
  creatorId: string;
  /** The session's frozen platform fee, basis points (0–10000). */
  feeBps: number;
  /** Unique per settlement of this session: a counter for the periodic ones, "final" at the end. */
  settlementKey: string;
  /** Recorded in the entries' metadata, so per-stream reports find the settled shares. */
  streamId?: string;
}

export interface SessionEscrowSettlement {
  /** posted: moved `amount`; duplicate: this key moved `amount` before; empty: nothing to move. */
  status: "posted" | "duplicate" | "empty";
  amount: bigint;
}

const MAX_ATTEMPTS = 5;

/**
 * Moves what the session's escrow holds now to the creator's earnings and platform revenue
 * (fee = ⌊amount · bps / 10000⌋), once per settlement key (`settle:<sessionId>:<key>`). The
 * amount is read first, then taken by postTransfer's conditional debit (escrow ≥ amount): ticks
 * that land meanwhile only add to the escrow and wait for the next settlement, and the escrow
 * can never go below zero. If a concurrent settlement under another key took the money first,
 * the debit matches no row and this one re-reads. Only here are the shared accounts locked:
 * once per session per settlement, not per tick.
 */
export async function settleSessionEscrow(
  db: DbOrTx,
  input: SettleSessionEscrowInput,
): Promise<SessionEscrowSettlement> {
  if (input.settlementKey.length === 0) throw new Error("settleSessionEscrow: empty settlement key");
  splitFee(0n, input.feeBps); // validates the basis points before anything is read
  const idempotencyKey = `settle:${input.sessionId}:${input.settlementKey}`;
  const accounts = await resolveAccounts(db, { creatorEarnings: input.creatorId, platformRevenue: true });

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const [state] = await db
      .select({ kind: wallets.kind, balance: wallets.balance, settled: ledgerTransfers.amount })
      .from(wallets)
      .leftJoin(ledgerTransfers, eq(ledgerTransfers.idempotencyKey, idempotencyKey))
      .where(eq(wallets.id, input.escrowWalletId));
    if (!state || state.kind !== "SESSION_ESCROW") {
      throw new Error(`settleSessionEscrow: wallet ${input.escrowWalletId} is not a SESSION_ESCROW account`);
    }
    if (state.settled !== null) return { status: "duplicate", amount: state.settled };
    if (state.balance < 0n) throw new Error(`settleSessionEscrow: escrow ${input.escrowWalletId} is negative`);
    if (state.balance === 0n) return { status: "empty", amount: 0n };

    const amount = state.balance;
    const { fee, creatorShare } = splitFee(amount, input.feeBps);
    const common = {
      type: "DEBIT",
      referenceType: "METER_EVENT",
      referenceId: input.sessionId,
      metadata: {
        sessionId: input.sessionId,
        ...(input.streamId === undefined ? {} : { streamId: input.streamId }),
        settlementKey: input.settlementKey,
        feeBps: input.feeBps,
      },
    } as const;
    const legs: TransferLeg[] = [{ ...common, walletId: input.escrowWalletId, amount: -amount }];
    // A zero share gets no entry (entries are never zero); the escrow's debit still balances.
    if (creatorShare > 0n) legs.push({ ...common, walletId: accounts.creatorEarnings, amount: creatorShare });
    if (fee > 0n) legs.push({ ...common, walletId: accounts.platformRevenue, amount: fee });

    const result = await postTransfer(db, { idempotencyKey, description: "Session settlement", legs });
    if (result.status === "posted") return { status: "posted", amount };
    if (result.status === "duplicate") {
      const escrowLeg = result.entries.find((entry) => entry.walletId === input.escrowWalletId);
      if (!escrowLeg) throw new Error(`settleSessionEscrow: ${idempotencyKey} is held by another account's transfer`);
      return { status: "duplicate", amount: -escrowLeg.amount };
    }
    // insufficient_funds: another settlement took part of what we read; read again.
  }
  throw new Error(`settleSessionEscrow(${idempotencyKey}): escrow kept changing under ${MAX_ATTEMPTS} attempts`);
}
