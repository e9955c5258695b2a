import type { EmailMessage } from "./email-sender.ts";

export function verificationEmail(to: string, link: string): EmailMessage {
  return {
    to,
    subject: "Confirm your Tollgate email",
    text: `Welcome to Tollgate!\n\nConfirm your email address by opening this link (valid for 24 hours):\n${link}\n\nIf you did not sign up, ignore this message.`,
  };
}

export function passwordResetEmail(to: string, link: string): EmailMessage {
  return {
    to,
    subject: "Reset your Tollgate password",
    text: `Someone asked to reset the password of this Tollgate account.\n\nSet a new password here (valid for 1 hour):\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.`,
  };
}

/** Sent when someone signs up with an address that already has an account: its owner learns of it, nobody else. */
export function accountExistsEmail(to: string, links: { login: string; reset: string }): EmailMessage {
  return {
    to,
    subject: "You already have a Tollgate account",
    text: `Someone (maybe you) tried to create a Tollgate account with this email address, but you already have one.\n\nLog in here:\n${links.login}\n\nForgot your password? Choose a new one here:\n${links.reset}\n\nIf it was not you, ignore this message; nothing changed.`,
  };
}

/** To moderators: a target was reported (at most one such mail per target per hour). */
export function newReportEmail(to: string, report: { targetType: string; reason: string; url: string }): EmailMessage {
  return {
    to,
    subject: `New report on Tollgate: a ${report.targetType} (${report.reason.toLowerCase()})`,
    text: `A ${report.targetType} was reported for ${report.reason.toLowerCase()}.\n\nReview it here:\n${report.url}\n\nFurther reports on the same ${report.targetType} within the hour are in the queue without another email.`,
  };
}
