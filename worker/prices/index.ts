// The prices domain's front door: credit packages for the payments domain.
export { findActivePrice, getPriceNames } from "./find-price.ts";
export type { Price } from "./prices.schema.ts";
