import { z } from "zod";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

export const ROLES = ["VIEWER", "CREATOR", "MODERATOR", "ADMIN"] as const;
/** Values of the user_status enum (users table). */
export const USER_STATUSES = ["ACTIVE", "SUSPENDED", "DELETED"] as const;
export const userStatusSchema = z.enum(USER_STATUSES);
/** Values of the email_token_purpose enum. */
export const EMAIL_TOKEN_PURPOSES = ["VERIFY_EMAIL", "RESET_PASSWORD"] as const;
export const roleSchema = z.enum(ROLES);
export type RoleName = z.infer<typeof roleSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(128, "Use at most 128 characters")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common; choose another");

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(2, "At least 2 characters").max(50, "At most 50 characters").optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

/** Login does not re-check password strength: old passwords must still be able to sign in. */
export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(128, "Use at most 128 characters"),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const resendVerificationSchema = z.object({ email: emailSchema });
export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({
  token: z.string().min(20, "The reset link is incomplete").max(200),
  password: passwordSchema,
});

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  emailVerified: z.boolean(),
  createdAt: z.string(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

/** POST /api/auth/register → 202, the same for a new and a taken email (no account enumeration). */
export const registeredSchema = z.object({ status: z.literal("check_email") });
/** Resend, forgot and reset answers: the same whether or not the account exists. */
export const acceptedSchema = z.object({ ok: z.literal(true), message: z.string().optional() });

export const profileSchema = z.object({
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  isCreator: z.boolean(),
});

export const meSchema = z.object({ user: publicUserSchema, profile: profileSchema.nullable() });
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({ user: publicUserSchema, accessTokenExpiresAt: z.string() });

/** Outcomes of POST /api/auth/verify, shown by the client's /verify page. */
export const VERIFY_STATUSES = ["ok", "expired", "used", "invalid", "already_verified"] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];
/** POST /api/auth/verify: the page the mailed link opens confirms with a click, never a GET. */
export const verifyEmailSchema = z.object({ token: z.string().min(1).max(200) });
export const verifyResultSchema = z.object({ status: z.enum(VERIFY_STATUSES) });

export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export const outboxSchema = z.object({ messages: z.array(outboxMessageSchema) });
