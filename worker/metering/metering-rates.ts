import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { categoryMeteringRates, meteringSettings } from "./metering.schema.ts";

export interface MeteringSettings {
  /** Millicredits per minute. */
  defaultRatePerMinute: bigint;
  /** Millicredits a viewer needs to start, at least one interval's price. */
  minimumBalance: bigint;
  /** Category id → millicredits per minute. */
  categoryRates: Map<string, bigint>;
}

const DEFAULTS = { defaultRatePerMinute: 6000n, minimumBalance: 0n };
const CACHE_MS = 30_000;
let cached: { at: number; settings: MeteringSettings } | null = null;

/** Admin edits call this so the next read sees them at once in this isolate. */
export function forgetMeteringSettings(): void {
  cached = null;
}

/** The settings, cached 30 s per isolate: rates change rarely and every session start reads them. */
export async function getMeteringSettings(db: DbOrTx, now = Date.now()): Promise<MeteringSettings> {
  if (cached && now - cached.at < CACHE_MS) return cached.settings;
  const [[row], overrides] = await Promise.all([
    db.select().from(meteringSettings).where(eq(meteringSettings.id, 1)),
    db.select().from(categoryMeteringRates),
  ]);
  const settings: MeteringSettings = {
    defaultRatePerMinute: row?.defaultRatePerMinute ?? DEFAULTS.defaultRatePerMinute,
    minimumBalance: row?.minimumBalance ?? DEFAULTS.minimumBalance,
    categoryRates: new Map(overrides.map((o) => [o.categoryId, o.ratePerMinute])),
  };
  cached = { at: now, settings };
  return settings;
}

/**
 * getMeteringRate: the category's override or the default, times the stream's premium
 * multiplier (basis points), rounded down. Millicredits per minute.
 */
export function meteringRateFor(
  settings: MeteringSettings,
  stream: { categoryId: string | null; premiumMultiplierBps: number },
): bigint {
  const base =
    (stream.categoryId ? settings.categoryRates.get(stream.categoryId) : undefined) ?? settings.defaultRatePerMinute;
  return (base * BigInt(stream.premiumMultiplierBps)) / 10_000n;
}

export async function getMeteringRates(
  db: DbOrTx,
  streams: readonly { id: string; categoryId: string | null; premiumMultiplierBps: number }[],
): Promise<Map<string, bigint>> {
  const settings = await getMeteringSettings(db);
  return new Map(streams.map((s) => [s.id, meteringRateFor(settings, s)]));
}

/** PUT /api/admin/metering-config: replaces the default, the minimum and every category override. */
export async function saveMeteringSettings(
  db: DbOrTx,
  input: {
    defaultRatePerMinute: bigint;
    minimumBalance: bigint;
    categoryRates: { categoryId: string; ratePerMinute: bigint }[];
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(meteringSettings)
      .values({ id: 1, defaultRatePerMinute: input.defaultRatePerMinute, minimumBalance: input.minimumBalance })
      .onConflictDoUpdate({
        target: meteringSettings.id,
        set: { defaultRatePerMinute: input.defaultRatePerMinute, minimumBalance: input.minimumBalance },
      });
    const keep = input.categoryRates.map((c) => c.categoryId);
    const existing = await tx.select({ id: categoryMeteringRates.categoryId }).from(categoryMeteringRates);
    const drop = existing.map((e) => e.id).filter((id) => !keep.includes(id));
    if (drop.length) await tx.delete(categoryMeteringRates).where(inArray(categoryMeteringRates.categoryId, drop));
    for (const c of input.categoryRates) {
      await tx
        .insert(categoryMeteringRates)
        .values(c)
        .onConflictDoUpdate({ target: categoryMeteringRates.categoryId, set: { ratePerMinute: c.ratePerMinute } });
    }
  });
  forgetMeteringSettings();
}
