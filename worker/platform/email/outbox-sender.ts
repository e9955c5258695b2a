import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { emailOutbox } from "./email.schema.ts";
import type { EmailSender } from "./email-sender.ts";

export function createOutboxSender(db: DbOrTx): EmailSender {
  return {
    send: async (m) => {
      await db.insert(emailOutbox).values({ toAddress: m.to, subject: m.subject, textBody: m.text, htmlBody: m.html });
    },
  };
}

export async function listOutbox(db: DbOrTx, options: { to?: string; limit?: number }) {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(options.to ? and(eq(emailOutbox.toAddress, options.to)) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(options.limit ?? 50);
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    text: r.textBody,
    createdAt: r.createdAt.toISOString(),
  }));
}
