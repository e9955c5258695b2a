import type { Me } from "@contracts/auth.ts";

/** The name to greet the user by: the profile's, else the email's local part. */
export function displayName(me: Me): string {
  return me.profile?.displayName ?? me.user.email.split("@")[0] ?? me.user.email;
}
