import {
  priceEnvelopeSchema,
  priceListSchema,
  type CreatePriceInput,
  type UpdatePriceInput,
} from "@contracts/prices.ts";
import { apiFetch, patch, post, segment } from "../../lib/api/core.ts";

/** The packages on sale. */
export const listPrices = (signal?: AbortSignal) => apiFetch("/api/prices", { schema: priceListSchema, signal });

/** Admin: every package, hidden ones included. */
export const listAllPrices = (signal?: AbortSignal) =>
  apiFetch("/api/admin/prices", { schema: priceListSchema, signal });

export const createPrice = (input: CreatePriceInput) => post("/api/admin/prices", priceEnvelopeSchema, input);

export const updatePrice = (priceId: string, input: UpdatePriceInput) =>
  patch(`/api/admin/prices/${segment(priceId)}`, priceEnvelopeSchema, input);
