import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "../db/columns.ts";

/** Development/test mail sink; production sends through the email provider instead. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_to_idx").on(t.toAddress, t.createdAt)],
);

export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
