import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { openTestDb, type TestDb } from "../../test/support/db.ts";
import type { Tx } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { guardLastAdmin } from "./guard-last-admin.ts";
import { users } from "./users.schema.ts";

let t: TestDb;
beforeAll(() => {
  t = openTestDb(2);
});
afterAll(() => t.close());

class Rollback extends Error {}

async function insertAdmin(tx: Tx, label: string): Promise<string> {
  const [row] = await tx
    .insert(users)
    .values({ email: `${label}-${randomUUID()}@test.tollgate`, passwordHash: "not-a-real-hash", role: "ADMIN" })
    .returning({ id: users.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}

/** Runs `fn` in a transaction that is always rolled back, so the shared database keeps its admins. */
async function inRolledBackTx(fn: (tx: Tx) => Promise<void>) {
  await expect(
    t.db.transaction(async (tx) => {
      await fn(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

describe("guardLastAdmin", () => {
  it("refuses to remove the only active admin and allows it while another remains", async () => {
    await inRolledBackTx(async (tx) => {
      // Every other admin suspended: the new one is the last.
      await tx.update(users).set({ status: "SUSPENDED" }).where(eq(users.role, "ADMIN"));
      const only = await insertAdmin(tx, "only-admin");
      const error = await guardLastAdmin(tx, { id: only, role: "ADMIN", status: "ACTIVE" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "LAST_ADMIN", status: 409 });

      await insertAdmin(tx, "second-admin");
      await expect(guardLastAdmin(tx, { id: only, role: "ADMIN", status: "ACTIVE" })).resolves.toBeUndefined();
      // Not an active admin: nothing to guard.
      await expect(guardLastAdmin(tx, { id: only, role: "VIEWER", status: "ACTIVE" })).resolves.toBeUndefined();
    });
  });
});
