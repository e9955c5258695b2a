import { passwordSchema } from "@contracts/auth.ts";

/** The password rules of the shared schema, in words. */
export function PasswordRules() {
  return (
    <ul class="list-disc pl-4">
      <li>
        {passwordSchema.minLength ?? 10} to {passwordSchema.maxLength ?? 128} characters
      </li>
      <li>Not a commonly used password</li>
    </ul>
  );
}
