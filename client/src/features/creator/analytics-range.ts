import { ANALYTICS_DEFAULT_DAYS, ANALYTICS_MAX_DAYS } from "@contracts/creators.ts";

/** The ranges the analytics page offers; "all" is the longest the API answers. */
export const RANGE_PRESETS = {
  "7d": { days: 7, label: "Last 7 days" },
  "30d": { days: ANALYTICS_DEFAULT_DAYS, label: "Last 30 days" },
  "90d": { days: 90, label: "Last 90 days" },
  all: { days: ANALYTICS_MAX_DAYS, label: "Last 366 days" },
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: RangePreset = "30d";

/** UTC days, both ends included, as the API takes them ("2026-12-01"). */
export interface DateRange {
  startDate: string;
  endDate: string;
}

/** What the URL asks for: a preset, or a custom range when both dates are valid. */
export type RangeSelection =
  { kind: "preset"; preset: RangePreset; range: DateRange } | { kind: "custom"; range: DateRange };

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Milliseconds since the epoch for a UTC day, or null when the text is no real date. */
export function parseDay(text: string | undefined): number | null {
  if (!text || !ISO_DATE.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls 2026-02-31 over to March; a real date reads back as itself.
  if (Number.isNaN(ms) || isoDay(new Date(ms)) !== text) return null;
  return ms;
}

export const isRangePreset = (value: string | undefined): value is RangePreset =>
  value !== undefined && Object.hasOwn(RANGE_PRESETS, value);

/** The last `days` UTC days, today included. */
export function presetRange(preset: RangePreset, now: Date): DateRange {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = end - (RANGE_PRESETS[preset].days - 1) * DAY_MS;
  return { startDate: isoDay(new Date(start)), endDate: isoDay(new Date(end)) };
}

/** Days in a range, both ends included. */
export const rangeDays = (range: DateRange): number =>
  Math.round(((parseDay(range.endDate) ?? 0) - (parseDay(range.startDate) ?? 0)) / DAY_MS) + 1;

/** Why a custom range cannot be asked for, or null when the API will take it. */
export function customRangeError(range: Partial<DateRange>): string | null {
  const start = parseDay(range.startDate);
  const end = parseDay(range.endDate);
  if (start === null || end === null) return "Choose a start and an end date.";
  if (start > end) return "The start date must not be after the end date.";
  if ((end - start) / DAY_MS + 1 > ANALYTICS_MAX_DAYS) return `Choose at most ${ANALYTICS_MAX_DAYS} days.`;
  return null;
}

/** Reads `?range=` or `?start=&end=`; anything unusable falls back to the default preset. */
export function selectRange(params: { range?: string; start?: string; end?: string }, now: Date): RangeSelection {
  const custom = { startDate: params.start ?? "", endDate: params.end ?? "" };
  if (params.start !== undefined && params.end !== undefined && customRangeError(custom) === null) {
    return { kind: "custom", range: custom };
  }
  const preset = isRangePreset(params.range) ? params.range : DEFAULT_PRESET;
  return { kind: "preset", preset, range: presetRange(preset, now) };
}

/** "Last 7 days", or "2026-11-01 – 2026-11-30" for a custom range. */
export function rangeLabel(selection: RangeSelection): string {
  return selection.kind === "preset"
    ? RANGE_PRESETS[selection.preset].label
    : `${selection.range.startDate} – ${selection.range.endDate}`;
}
