import { is, type SQL, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows, int8, pgErrorOf } from "../platform/db/execute-rows.ts";

export interface BookMeterTickInput {
  sessionId: string;
  /** The viewer: their USER wallet is found inside the statement. */
  userId: string;
  streamId: string;
  /** The session's SESSION_ESCROW account (openSessionEscrow). */
  escrowWalletId: string;
  /** 0, 1, 2 … per session; (sessionId, intervalIndex) is billed at most once. */
  intervalIndex: number;
  playbackMs: number;
  /** Millicredits for this interval; 0 records the interval without moving money. */
  amount: bigint;
  /**
   * A condition Postgres checks in the booking statement itself (the caller's: e.g. the viewing
   * is still active and its stream live). When it is false nothing is written and the answer is
   * `refused`, so a tick racing a takedown or the end of a stream cannot book after it.
   */
  onlyIf?: SQL;
}

export type MeterTickBooking =
  | { status: "booked"; debited: bigint; balanceAfter: bigint; meterEventId: string }
  /** This interval was booked before: nothing written, the original answer. balanceAfter is null for a 0 tick. */
  | { status: "duplicate"; debited: bigint; balanceAfter: bigint | null; meterEventId: string }
  /** The viewer's balance is below the amount: nothing written. */
  | { status: "insufficient"; balance: bigint }
  /** The caller's onlyIf condition was false: nothing written. */
  | { status: "refused" };

/** The unique indexes a concurrent twin of this tick trips over. */
const TICK_KEYS = new Set(["ledger_transfer_idempotency_key_unique", "meter_event_session_interval_uq"]);
const MAX_ATTEMPTS = 3;

const bookedRowSchema = z.object({
  meter_event_id: z.string().nullable(),
  balance_after: int8.nullable(),
  prior_id: z.string().nullable(),
  prior_user_id: z.string().nullable(),
  prior_debited: int8.nullable(),
  prior_balance_after: int8.nullable(),
});
const lookupRowSchema = bookedRowSchema
  .pick({ prior_id: true, prior_user_id: true, prior_debited: true, prior_balance_after: true })
  .extend({ balance: int8.nullable(), escrow_ok: z.boolean(), allowed: z.boolean() });
type PriorRow = Pick<
  z.infer<typeof lookupRowSchema>,
  "prior_id" | "prior_user_id" | "prior_debited" | "prior_balance_after"
>;

function assertValid(input: BookMeterTickInput): void {
  const { intervalIndex, playbackMs, amount } = input;
  if (!Number.isSafeInteger(intervalIndex) || intervalIndex < 0 || intervalIndex > 2_147_483_647) {
    throw new Error(`bookMeterTick: intervalIndex must be a non-negative int4, got ${intervalIndex}`);
  }
  if (!Number.isSafeInteger(playbackMs) || playbackMs < 0 || playbackMs > 2_147_483_647) {
    throw new Error(`bookMeterTick: playbackMs must be a non-negative int4, got ${playbackMs}`);
  }
  if (amount < 0n) throw new Error(`bookMeterTick: amount must not be negative, got ${amount}`);
}

/** The interval as booked before (visible in the statement's snapshot), with the viewer's balance after it. */
const priorCte = (input: BookMeterTickInput) => sql`prior as (
    select m.id, m.user_id, m.credits_debited, e.balance_after
    from meter_event m
    left join ledger_entry e on e.transfer_id = m.transfer_id and e.amount < 0
    where m.session_id = ${input.sessionId}::uuid and m.interval_index = ${input.intervalIndex}::int
  )`;

/**
 * One statement, one round trip. Shape and why:
 *
 *   prior  – the meter event of (session, interval) if already booked (the common replay: no writes).
 *   viewer – UPDATE the viewer's USER wallet: balance - amount WHERE balance >= amount, and only
 *            if there is no prior and the escrow is a SESSION_ESCROW. The conditional write is the
 *            funds check; under READ COMMITTED a concurrent change to the row is re-checked on the
 *            newest version after the row lock (never read-then-write).
 *   claim  – INSERT the ledger_transfer with key meter:<session>:<interval>, from `viewer`: no
 *            debit, no claim. Deliberately without ON CONFLICT: every CTE sees one snapshot, so a
 *            twin that committed after it started is invisible to `prior`; its key then raises a
 *            unique violation, which rolls back the debit too (DO NOTHING would keep the debit
 *            and drop the claim). The caller falls back to the replay lookup.
 *   escrow – UPDATE the escrow balance + amount, from `claim` (the row exists: checked above).
 *   entries, meter – INSERT the two immutable entries (balance_after from RETURNING,
 *            clock_timestamp() taken under both row locks) and the meter_event (its own unique
 *            (session_id, interval_index) raises the same way).
 *
 * Locks: viewer row, then escrow row. A tick never touches creator earnings or platform revenue.
 */
function bookingStatement(input: BookMeterTickInput, meterEventId: string): SQL {
  const amount = input.amount.toString();
  const key = `meter:${input.sessionId}:${input.intervalIndex}`;
  const metadata = JSON.stringify({
    sessionId: input.sessionId,
    streamId: input.streamId,
    intervalIndex: input.intervalIndex,
  });
  return sql`with ${priorCte(input)},
  viewer as (
    update wallet set balance = balance - ${amount}::bigint, updated_at = now()
    where kind = 'USER' and user_id = ${input.userId}::uuid and balance >= ${amount}::bigint
      and not exists (select 1 from prior)
      and exists (select 1 from wallet x where x.id = ${input.escrowWalletId}::uuid and x.kind = 'SESSION_ESCROW')
      and (${guardOf(input)})
    returning id, user_id, balance
  ),
  claim as (
    insert into ledger_transfer (idempotency_key, amount, description)
    select ${key}, ${amount}::bigint, 'Stream metering' from viewer
    returning id
  ),
  escrow as (
    update wallet set balance = balance + ${amount}::bigint, updated_at = now()
    where id = ${input.escrowWalletId}::uuid and exists (select 1 from claim)
    returning id, balance
  ),
  entries as (
    insert into ledger_entry
      (transfer_id, wallet_id, user_id, type, amount, balance_after, reference_type, reference_id, metadata, created_at)
    select claim.id, viewer.id, viewer.user_id, 'DEBIT'::ledger_entry_type, -${amount}::bigint, viewer.balance,
      'METER_EVENT'::reference_type, ${meterEventId}, ${metadata}::jsonb, clock_timestamp()
    from claim cross join viewer
    union all
    select claim.id, escrow.id, null::uuid, 'DEBIT'::ledger_entry_type, ${amount}::bigint, escrow.balance,
      'METER_EVENT'::reference_type, ${meterEventId}, ${metadata}::jsonb, clock_timestamp()
    from claim cross join escrow
  ),
  meter as (
    insert into meter_event
      (id, user_id, stream_id, session_id, interval_index, playback_ms, credits_debited, transfer_id)
    select ${meterEventId}::uuid, ${input.userId}::uuid, ${input.streamId}::uuid, ${input.sessionId}::uuid,
      ${input.intervalIndex}::int, ${input.playbackMs}::int, ${amount}::bigint, claim.id
    from claim
    returning id
  )
  select meter.id as meter_event_id, viewer.balance as balance_after, prior.id as prior_id,
    prior.user_id as prior_user_id, prior.credits_debited as prior_debited, prior.balance_after as prior_balance_after
  from (values (1)) as one (x)
  left join meter on true left join viewer on true left join prior on true`;
}

/** A 0 tick: the meter event only (ledger amounts are never zero). ON CONFLICT is safe here: nothing else to undo. */
function zeroStatement(input: BookMeterTickInput, meterEventId: string): SQL {
  return sql`with ${priorCte(input)},
  meter as (
    insert into meter_event
      (id, user_id, stream_id, session_id, interval_index, playback_ms, credits_debited, transfer_id)
    select ${meterEventId}::uuid, ${input.userId}::uuid, ${input.streamId}::uuid, ${input.sessionId}::uuid,
      ${input.intervalIndex}::int, ${input.playbackMs}::int, 0, null
    where not exists (select 1 from prior) and (${guardOf(input)})
    on conflict (session_id, interval_index) do nothing
    returning id
  )
  select meter.id as meter_event_id,
    (select balance from wallet where kind = 'USER' and user_id = ${input.userId}::uuid) as balance_after,
    prior.id as prior_id, prior.user_id as prior_user_id, prior.credits_debited as prior_debited,
    prior.balance_after as prior_balance_after
  from (values (1)) as one (x)
  left join meter on true left join prior on true`;
}

const guardOf = (input: BookMeterTickInput): SQL => input.onlyIf ?? sql`true`;

/** Not a type guard on purpose: `is` would narrow db to a PgTransaction of another schema type. */
function insideTransaction(db: DbOrTx): boolean {
  return is(db, PgTransaction);
}

async function firstRow<T>(db: DbOrTx, query: SQL, schema: z.ZodType<T>): Promise<T> {
  const [row] = await executeRows(db, query);
  return schema.parse(row);
}

function duplicateOf(input: BookMeterTickInput, prior: PriorRow): MeterTickBooking | undefined {
  if (prior.prior_id === null) return undefined;
  if (prior.prior_user_id !== input.userId) {
    throw new Error(
      `bookMeterTick: interval ${input.sessionId}:${input.intervalIndex} was booked for user ${prior.prior_user_id}, not ${input.userId}`,
    );
  }
  return {
    status: "duplicate",
    debited: prior.prior_debited ?? 0n,
    balanceAfter: prior.prior_balance_after,
    meterEventId: prior.prior_id,
  };
}

/**
 * Books one metering interval: the viewer's wallet → the session's escrow, plus its meter_event,
 * exactly once per (sessionId, intervalIndex). Usually one round trip; a replay that committed
 * before the call costs nothing more; a racing twin or a short wallet costs one more read.
 * Works inside a caller's READ COMMITTED transaction (the statement then runs under a
 * savepoint, since a racing twin aborts it with a unique violation).
 */
export async function bookMeterTick(db: DbOrTx, input: BookMeterTickInput): Promise<MeterTickBooking> {
  assertValid(input);
  if (input.amount === 0n) return bookZeroTick(db, input);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const meterEventId = crypto.randomUUID();
    let row: z.infer<typeof bookedRowSchema>;
    try {
      const statement = bookingStatement(input, meterEventId);
      row = insideTransaction(db)
        ? await db.transaction((savepoint) => firstRow(savepoint, statement, bookedRowSchema))
        : await firstRow(db, statement, bookedRowSchema);
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code !== "23505" || pg.constraint === undefined || !TICK_KEYS.has(pg.constraint)) throw error;
      // A twin committed after our snapshot; nothing of ours was written.
      const duplicate = duplicateOf(input, await lookUp(db, input));
      if (duplicate) return duplicate;
      throw new Error(`bookMeterTick: key meter:${input.sessionId}:${input.intervalIndex} is held but no meter event`);
    }
    if (row.meter_event_id !== null && row.balance_after !== null) {
      return {
        status: "booked",
        debited: input.amount,
        balanceAfter: row.balance_after,
        meterEventId: row.meter_event_id,
      };
    }
    const duplicate = duplicateOf(input, row);
    if (duplicate) return duplicate;

    // Nothing booked and no prior in our snapshot: the wallet is short, the escrow is wrong, or
    // a twin (or a deposit) committed after our snapshot. A fresh read tells them apart.
    const state = await lookUp(db, input);
    const late = duplicateOf(input, state);
    if (late) return late;
    if (!state.allowed) return { status: "refused" };
    if (!state.escrow_ok) {
      throw new Error(`bookMeterTick: wallet ${input.escrowWalletId} is not a SESSION_ESCROW account`);
    }
    const balance = state.balance ?? 0n;
    if (balance < input.amount) return { status: "insufficient", balance };
    // Funds arrived after our snapshot: book again.
  }
  throw new Error(
    `bookMeterTick(${input.sessionId}:${input.intervalIndex}): no outcome after ${MAX_ATTEMPTS} attempts`,
  );
}

async function bookZeroTick(db: DbOrTx, input: BookMeterTickInput): Promise<MeterTickBooking> {
  const row = await firstRow(db, zeroStatement(input, crypto.randomUUID()), bookedRowSchema);
  if (row.meter_event_id !== null) {
    return { status: "booked", debited: 0n, balanceAfter: row.balance_after ?? 0n, meterEventId: row.meter_event_id };
  }
  // A prior in our snapshot, or a twin that committed after it (ON CONFLICT waited for it).
  const fresh = duplicateOf(input, row) === undefined ? await lookUp(db, input) : undefined;
  const duplicate = duplicateOf(input, row) ?? (fresh && duplicateOf(input, fresh));
  if (duplicate) return duplicate;
  if (fresh && !fresh.allowed) return { status: "refused" };
  throw new Error(`bookMeterTick(${input.sessionId}:${input.intervalIndex}): insert conflicted, no meter event`);
}

/** A fresh snapshot: the interval if booked, the viewer's balance, and whether the escrow is one. */
function lookUp(db: DbOrTx, input: BookMeterTickInput): Promise<z.infer<typeof lookupRowSchema>> {
  return firstRow(
    db,
    sql`with ${priorCte(input)}
    select prior.id as prior_id, prior.user_id as prior_user_id, prior.credits_debited as prior_debited,
      prior.balance_after as prior_balance_after,
      (select balance from wallet where kind = 'USER' and user_id = ${input.userId}::uuid) as balance,
      exists (select 1 from wallet where id = ${input.escrowWalletId}::uuid and kind = 'SESSION_ESCROW') as escrow_ok,
      (${guardOf(input)}) as allowed
    from (values (1)) as one (x) left join prior on true`,
    lookupRowSchema,
  );
}
