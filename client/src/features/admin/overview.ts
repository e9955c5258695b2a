import type { ChangeDto } from "@contracts/overview.ts";
import { formatCredits } from "@contracts/money.ts";
import { displayCredits } from "../../lib/credits.ts";

/** "12.5" (millicredits "12500") as people read credits: "12.500". */
export const displayMillicredits = (millicredits: string, locale?: string) =>
  displayCredits(formatCredits(BigInt(millicredits)), { locale });

/** "▲ +12.5% vs yesterday"; without a previous figure there is no percentage to give. */
export function changeText(change: ChangeDto, period: string): string {
  if (change.percent === null) return `new since ${period}`;
  return `${change.percent}% vs ${period}`;
}

export const TREND_LABELS = { up: "Up", down: "Down", flat: "No change" } as const;
export const TREND_ARROWS = { up: "▲", down: "▼", flat: "■" } as const;
