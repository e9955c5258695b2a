import { meSchema } from "@contracts/auth.ts";
import {
  adminBulkUsersResultSchema,
  adminDeleteUserResultSchema,
  adminUserDetailSchema,
  adminUserListSchema,
  adminUserUpdateResultSchema,
  type AdminBulkUsersInput,
  type AdminUpdateUserInput,
  type AdminUserSearch,
} from "@contracts/users.ts";
import { ledgerPageSchema } from "@contracts/wallet.ts";
import { apiFetch, query, segment } from "../../lib/api/core.ts";
import type { LedgerQuery } from "../wallet/wallet.api.ts";

/** The signed-in account (GET /api/me). */
export const getMe = (signal?: AbortSignal) => apiFetch("/api/me", { schema: meSchema, signal });

export type UserListParams = { [K in keyof AdminUserSearch]?: AdminUserSearch[K] | undefined };

export const searchUsers = (params: UserListParams, signal?: AbortSignal) =>
  apiFetch(`/api/admin/users${query({ ...params })}`, { schema: adminUserListSchema, signal });

/** Where the browser downloads the filtered users as CSV (a plain link: the cookie authenticates it). */
export const usersCsvUrl = (params: Omit<UserListParams, "page" | "limit">) =>
  `/api/admin/users/users.csv${query({ ...params })}`;

export const bulkUpdateUsers = (input: AdminBulkUsersInput) =>
  apiFetch("/api/admin/users/bulk", { method: "POST", schema: adminBulkUsersResultSchema, body: input });

/** Soft delete: the account is anonymised and signed out; its money stays in the ledger. */
export const deleteUser = (userId: string) =>
  apiFetch(`/api/admin/users/${segment(userId)}`, {
    method: "DELETE",
    schema: adminDeleteUserResultSchema,
  });

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
