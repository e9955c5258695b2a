import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_TYPES } from "../../contracts/notifications.ts";
import { createdAt, id } from "../platform/db/columns.ts";
import { users } from "../users/users.schema.ts";

export const notificationTypeEnum = pgEnum("notification_type", NOTIFICATION_TYPES);

export const notifications = pgTable(
  "notification",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: notificationTypeEnum("type").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("notification_user_created_idx").on(t.userId, t.createdAt)],
);

export type Notification = typeof notifications.$inferSelect;
