import { meSchema } from "@contracts/auth.ts";
import {
  adminUserDetailSchema,
  adminUserListSchema,
  adminUserUpdateResultSchema,
  type AdminUpdateUserInput,
} from "@contracts/users.ts";
import { ledgerPageSchema } from "@contracts/wallet.ts";
import { apiFetch, query, segment } from "../../lib/api/core.ts";
import type { LedgerQuery } from "../wallet/wallet.api.ts";

/** The signed-in account (GET /api/me). */
export const getMe = (signal?: AbortSignal) => apiFetch("/api/me", { schema: meSchema, signal });

export const searchUsers = (params: { email?: string | undefined; limit?: number | undefined }, signal?: AbortSignal) =>
  apiFetch(`/api/admin/users${query({ ...params })}`, { schema: adminUserListSchema, signal });

export const getUser = (userId: string, signal?: AbortSignal) =>
  apiFetch(`/api/admin/users/${segment(userId)}`, { schema: adminUserDetailSchema, signal });

export const listUserLedger = (userId: string, params: LedgerQuery, signal?: AbortSignal) =>
  apiFetch(`/api/admin/users/${segment(userId)}/ledger${query({ ...params })}`, { schema: ledgerPageSchema, signal });

/** The same idempotency key books a wallet adjustment once, however often the request is sent. */
export const updateUser = (userId: string, input: AdminUpdateUserInput, options: { idempotencyKey?: string } = {}) =>
  apiFetch(`/api/admin/users/${segment(userId)}`, {
    method: "PATCH",
    schema: adminUserUpdateResultSchema,
    body: input,
    headers: options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : undefined,
  });
