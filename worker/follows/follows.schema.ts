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
  (t) => [unique("follow_user_creator_uq").on(t.userId, t.creatorId), index("follow_creator_idx").on(t.creatorId)],
);

export type Follow = typeof follows.$inferSelect;
