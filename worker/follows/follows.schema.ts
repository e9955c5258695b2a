import { index, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";

export const follows = pgTable(
  "follow",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("follow_user_creator_uq").on(t.userId, t.creatorId),
    // Follower counts, and the go-live fan-out walking a creator's followers in keyset batches.
    index("follow_creator_user_idx").on(t.creatorId, t.userId),
  ],
);

export type Follow = typeof follows.$inferSelect;
