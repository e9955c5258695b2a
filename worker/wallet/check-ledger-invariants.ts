import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { ledgerEntries, ledgerTransfers, meterEvents, wallets, type WalletKind } from "./wallet.schema.ts";

export type LedgerViolation =
  /** The cached balance is not the sum of the wallet's entries. */
  | { kind: "CACHE_MISMATCH"; walletId: string; cached: bigint; computed: bigint }
  /** Money appeared or vanished: all balances (or all entries) do not sum to zero. */
  | { kind: "GLOBAL_SUM_NONZERO"; balanceSum: bigint; entrySum: bigint }
  /** A transfer's entries do not sum to zero, or their credits differ from its amount. */
  | { kind: "UNBALANCED_TRANSFER"; transferId: string; entrySum: bigint; credited: bigint; amount: bigint }
  /** A debit took a USER wallet below zero without being a refund clawback. */
  | { kind: "UNEXPLAINED_NEGATIVE_ENTRY"; walletId: string; entryId: string; balanceAfter: bigint }
  /** A USER wallet is below zero and no clawback was ever booked on it. */
  | { kind: "UNEXPLAINED_NEGATIVE_BALANCE"; walletId: string; balance: bigint }
  /** A session escrow or creator earnings account is, or once was, below zero (lowest of balance and balance_after). */
  | { kind: "NEGATIVE_ACCOUNT"; walletId: string; walletKind: WalletKind; lowest: bigint }
  /** A meter event's credits_debited differs from its transfer's amount (0 without a transfer). */
  | { kind: "METER_EVENT_MISMATCH"; meterEventId: string; creditsDebited: bigint; transferAmount: bigint };

/** Accounts that only ever receive before they give: never below zero. */
const NEVER_NEGATIVE: readonly WalletKind[] = ["SESSION_ESCROW", "CREATOR_EARNINGS"];

const big = (expression: ReturnType<typeof sql>) => sql<bigint>`${expression}`.mapWith(BigInt);

/**
 * Audits the whole ledger; an empty list means it is consistent. All checks read one
 * repeatable-read snapshot, so bookings committing meanwhile cannot cause false alarms.
 * Full scans: for tests, the nightly job and admin tooling, not for request paths.
 */
export async function checkLedgerInvariants(db: DbOrTx): Promise<LedgerViolation[]> {
  const run = async (tx: DbOrTx): Promise<LedgerViolation[]> => {
    const violations: LedgerViolation[] = [];

    const sums = tx
      .select({
        walletId: ledgerEntries.walletId,
        total: sql<string>`sum(${ledgerEntries.amount})::bigint`.as("total"),
      })
      .from(ledgerEntries)
      .groupBy(ledgerEntries.walletId)
      .as("sums");
    const mismatched = await tx
      .select({ walletId: wallets.id, cached: wallets.balance, computed: big(sql`coalesce(${sums.total}, 0)`) })
      .from(wallets)
      .leftJoin(sums, eq(sums.walletId, wallets.id))
      .where(sql`${wallets.balance} <> coalesce(${sums.total}, 0)`);
    for (const row of mismatched) violations.push({ kind: "CACHE_MISMATCH", ...row });

    const [balanceTotal] = await tx
      .select({ sum: big(sql`coalesce(sum(${wallets.balance}), 0)::bigint`) })
      .from(wallets);
    const [entryTotal] = await tx
      .select({ sum: big(sql`coalesce(sum(${ledgerEntries.amount}), 0)::bigint`) })
      .from(ledgerEntries);
    const balanceSum = balanceTotal?.sum ?? 0n;
    const entrySum = entryTotal?.sum ?? 0n;
    if (balanceSum !== 0n || entrySum !== 0n) violations.push({ kind: "GLOBAL_SUM_NONZERO", balanceSum, entrySum });

    const entrySumExpr = sql`coalesce(sum(${ledgerEntries.amount}), 0)::bigint`;
    const creditedExpr = sql`coalesce(sum(${ledgerEntries.amount}) filter (where ${ledgerEntries.amount} > 0), 0)::bigint`;
    const unbalanced = await tx
      .select({
        transferId: ledgerTransfers.id,
        amount: ledgerTransfers.amount,
        entrySum: big(entrySumExpr),
        credited: big(creditedExpr),
      })
      .from(ledgerTransfers)
      .leftJoin(ledgerEntries, eq(ledgerEntries.transferId, ledgerTransfers.id))
      .groupBy(ledgerTransfers.id)
      .having(sql`${entrySumExpr} <> 0 or ${creditedExpr} <> ${ledgerTransfers.amount}`);
    for (const row of unbalanced) violations.push({ kind: "UNBALANCED_TRANSFER", ...row });

    const negativeEntries = await tx
      .select({ walletId: ledgerEntries.walletId, entryId: ledgerEntries.id, balanceAfter: ledgerEntries.balanceAfter })
      .from(ledgerEntries)
      .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
      .where(
        and(
          eq(wallets.kind, "USER"),
          lt(ledgerEntries.amount, 0n),
          lt(ledgerEntries.balanceAfter, 0n),
          eq(ledgerEntries.clawback, false),
        ),
      );
    for (const row of negativeEntries) violations.push({ kind: "UNEXPLAINED_NEGATIVE_ENTRY", ...row });

    const negativeWallets = await tx
      .select({ walletId: wallets.id, balance: wallets.balance })
      .from(wallets)
      .where(
        and(
          eq(wallets.kind, "USER"),
          lt(wallets.balance, 0n),
          sql`not exists (select 1 from ${ledgerEntries} where ${ledgerEntries.walletId} = ${wallets.id} and ${ledgerEntries.clawback})`,
        ),
      );
    for (const row of negativeWallets) violations.push({ kind: "UNEXPLAINED_NEGATIVE_BALANCE", ...row });

    const lowestExpr = sql`least(${wallets.balance}, coalesce(min(${ledgerEntries.balanceAfter}), 0))`;
    const negativeAccounts = await tx
      .select({ walletId: wallets.id, walletKind: wallets.kind, lowest: big(sql`${lowestExpr}::bigint`) })
      .from(wallets)
      .leftJoin(ledgerEntries, eq(ledgerEntries.walletId, wallets.id))
      .where(inArray(wallets.kind, [...NEVER_NEGATIVE]))
      .groupBy(wallets.id)
      .having(sql`${lowestExpr} < 0`);
    for (const row of negativeAccounts) violations.push({ kind: "NEGATIVE_ACCOUNT", ...row });

    const transferAmountExpr = sql`coalesce(${ledgerTransfers.amount}, 0)`;
    const meterMismatches = await tx
      .select({
        meterEventId: meterEvents.id,
        creditsDebited: meterEvents.creditsDebited,
        transferAmount: big(sql`${transferAmountExpr}::bigint`),
      })
      .from(meterEvents)
      .leftJoin(ledgerTransfers, eq(ledgerTransfers.id, meterEvents.transferId))
      .where(sql`${meterEvents.creditsDebited} <> ${transferAmountExpr}`);
    for (const row of meterMismatches) violations.push({ kind: "METER_EVENT_MISMATCH", ...row });

    return violations;
  };
  return db.transaction(run, { isolationLevel: "repeatable read", accessMode: "read only" });
}
