import { NOTIFICATION_TYPE_LABELS, type NotificationTypeName } from "../../contracts/notifications.ts";
import type { EmailMessage } from "../platform/email/email-sender.ts";
import type { UnsubscribeScope } from "./unsubscribe-token.ts";

/** What an email needs from a notification row. */
export interface EmailItem {
  type: NotificationTypeName;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: Date;
}

export interface EmailLinks {
  appUrl: string;
  /** A signed link that turns this type's emails (or all of them) off without signing in. */
  unsubscribe: (type: UnsubscribeScope) => string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

const absolute = (appUrl: string, link: string | null) => (link ? new URL(link, appUrl).toString() : appUrl);

/** The shared branded frame every notification email uses; text and HTML carry the same words. */
export function brandedEmail(input: {
  to: string;
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: { reason: string; unsubscribeUrl: string };
}): EmailMessage {
  const text = [
    input.heading,
    "",
    ...input.paragraphs.flatMap((p) => [p, ""]),
    ...(input.action ? [`${input.action.label}: ${input.action.url}`, ""] : []),
    "—",
    `Tollgate · ${input.footer.reason}`,
    `Stop these emails: ${input.footer.unsubscribeUrl}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="margin:0;background:#f5f5f5;font-family:Inter,Arial,sans-serif;color:#171717">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#fff;border-radius:12px;padding:32px">
<tr><td style="font-weight:700;font-size:20px;color:#4f46e5">Tollgate</td></tr>
<tr><td style="padding-top:16px"><h1 style="font-size:22px;margin:0 0 12px">${escapeHtml(input.heading)}</h1>
${input.paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${input.action ? `<p style="margin:20px 0"><a href="${escapeHtml(input.action.url)}" style="background:#4f46e5;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(input.action.label)}</a></p>` : ""}
</td></tr>
<tr><td style="padding-top:24px;font-size:12px;color:#737373">${escapeHtml(input.footer.reason)} · <a href="${escapeHtml(input.footer.unsubscribeUrl)}" style="color:#737373">Stop these emails</a></td></tr>
</table></td></tr></table></body></html>`;
  return { to: input.to, subject: input.subject, text, html };
}

const ACTION_LABELS: Partial<Record<NotificationTypeName, string>> = {
  STREAM_LIVE: "Watch now",
  LOW_BALANCE: "Top up credits",
  PAYMENT_SUCCESS: "See your wallet",
};

/** One notification as its own email (instant delivery). */
export function notificationEmail(to: string, item: EmailItem, links: EmailLinks): EmailMessage {
  return brandedEmail({
    to,
    subject: item.title,
    heading: item.title,
    paragraphs: item.body ? [item.body] : [],
    action: { label: ACTION_LABELS[item.type] ?? "Open Tollgate", url: absolute(links.appUrl, item.link) },
    footer: {
      reason: `You get this because of your setting for "${NOTIFICATION_TYPE_LABELS[item.type]}".`,
      unsubscribeUrl: links.unsubscribe(item.type),
    },
  });
}

/** A day's notifications in one email, grouped by type. */
export function digestEmail(to: string, items: readonly EmailItem[], links: EmailLinks): EmailMessage {
  const byType = new Map<NotificationTypeName, EmailItem[]>();
  for (const item of items) byType.set(item.type, [...(byType.get(item.type) ?? []), item]);
  const paragraphs = [...byType.entries()].flatMap(([type, list]) => [
    `${NOTIFICATION_TYPE_LABELS[type]} (${list.length})`,
    ...list.map((i) => `• ${i.title}${i.body ? ` — ${i.body}` : ""} (${absolute(links.appUrl, i.link)})`),
  ]);
  return brandedEmail({
    to,
    subject: `Your Tollgate daily digest: ${items.length} update${items.length === 1 ? "" : "s"}`,
    heading: "Here is what happened today",
    paragraphs,
    action: { label: "Open your notifications", url: absolute(links.appUrl, "/dashboard/notifications") },
    footer: {
      reason: "You chose a daily digest in your notification settings.",
      unsubscribeUrl: links.unsubscribe("ALL"),
    },
  });
}
