import type { AdminUpdateUserInput } from "../../contracts/users.ts";
import type { PublicUser } from "../../contracts/auth.ts";
import type { Db } from "../platform/db/client.ts";
import { adjustUserWallet } from "./adjust-user-wallet.ts";
import { getPublicUser, updateUser } from "./update-user.ts";

/** PATCH /api/admin/users/:id: role/status changes and a wallet adjustment commit together or not at all. */
export async function applyUserUpdate(
  db: Db,
  input: AdminUpdateUserInput & {
    userId: string;
    actorId: string;
    ip: string | null;
    idempotencyKey?: string | undefined;
  },
): Promise<{ user: PublicUser; walletAdjustment?: Awaited<ReturnType<typeof adjustUserWallet>> }> {
  const { walletAdjustment, idempotencyKey, ...changes } = input;
  return db.transaction(async (tx) => {
    const user = changes.role || changes.status ? await updateUser(tx, changes) : await getPublicUser(tx, input.userId);
    if (!walletAdjustment) return { user };
    const adjustment = await adjustUserWallet(tx, {
      userId: input.userId,
      adminId: input.actorId,
      ...walletAdjustment,
      idempotencyKey,
    });
    return { user, walletAdjustment: adjustment };
  });
}
