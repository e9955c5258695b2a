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
