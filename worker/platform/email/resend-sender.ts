import { AppError } from "../errors.ts";
import type { EmailSender } from "./email-sender.ts";

/** Resend (resend.com): a plain HTTPS JSON API, so it works from Workers without SMTP. */
export function createResendSender(options: { apiKey: string; from: string; fetcher: typeof fetch }): EmailSender {
  return {
    send: async (m) => {
      const res = await options.fetcher("https://api.resend.com/emails", {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ from: options.from, to: [m.to], subject: m.subject, text: m.text, html: m.html }),
      });
      if (!res.ok) {
        throw new AppError("EMAIL_FAILED", 502, `Email provider answered ${res.status}`);
      }
    },
  };
}
