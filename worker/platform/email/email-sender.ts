import type { Db } from "../db/client.ts";
import type { AppConfig } from "../env.ts";
import { AppError } from "../errors.ts";
import { createOutboxSender } from "./outbox-sender.ts";
import { createResendSender } from "./resend-sender.ts";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** Development and test write to the outbox table; production sends through Resend's HTTP API. */
export function createEmailSender(config: AppConfig, db: Db, fetcher: typeof fetch = fetch): EmailSender {
  if (config.ENVIRONMENT !== "production") return createOutboxSender(db);
  if (!config.RESEND_API_KEY || !config.EMAIL_FROM) {
    return {
      send: () => Promise.reject(new AppError("MISCONFIGURED", 500, "RESEND_API_KEY and EMAIL_FROM must be set")),
    };
  }
  return createResendSender({ apiKey: config.RESEND_API_KEY, from: config.EMAIL_FROM, fetcher });
}
