import {
  acceptedSchema,
  registeredSchema,
  sessionSchema,
  verifyResultSchema,
  type LoginInput,
  type RegisterInput,
} from "@contracts/auth.ts";
import { endSession, noContentSchema, post, startSession } from "../../lib/api/core.ts";

export { refreshSession } from "../../lib/api/core.ts";

export const register = (input: RegisterInput) => post("/api/auth/register", registeredSchema, input);

/** Confirms the address from the page the mailed link opens (a click, so a mail scanner confirms nothing). */
export const confirmEmail = (token: string) => post("/api/auth/verify", verifyResultSchema, { token });

export const login = async (input: LoginInput) => startSession(await post("/api/auth/login", sessionSchema, input));

export async function logout(): Promise<void> {
  await post("/api/auth/logout", noContentSchema);
  endSession();
}

export const resendVerification = (input: { email: string }) => post("/api/auth/verify/resend", acceptedSchema, input);

export const requestPasswordReset = (input: { email: string }) =>
  post("/api/auth/password/forgot", acceptedSchema, input);

export async function resetPassword(input: { token: string; password: string }) {
  const result = await post("/api/auth/password/reset", acceptedSchema, input);
  endSession(); // the server ended every session of the account
  return result;
}
