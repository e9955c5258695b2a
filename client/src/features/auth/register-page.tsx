import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { registerSchema } from "@contracts/auth.ts";
import { createForm } from "../../lib/form.ts";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { AuthCard } from "./auth-card.tsx";
import { PasswordRules } from "./password-rules.tsx";
import { ResendVerification } from "./resend-verification.tsx";
import { useSession } from "./session-context.tsx";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

export default function RegisterPage() {
  const session = useSession();
  const [registeredEmail, setRegisteredEmail] = createSignal<string | null>(null);

  const form = createForm({
    initial: { email: "", displayName: "", password: "" },
    schema: registerSchema,
    // An empty display name means "none": the server then derives one from the email.
    toInput: (values) => ({ ...values, displayName: values.displayName.trim() || undefined }),
    submit: session.register,
    onSuccess: (_, input) => setRegisteredEmail(input.email),
  });

  return (
    <Show
      when={registeredEmail()}
      fallback={
        <AuthCard title="Create your account" description="Sign up to watch and support live streams.">
          <FormShell form={form} submitLabel="Create account" pendingLabel="Creating account…">
            <TextField {...form.field("email")} label="Email" type="email" autocomplete="email" required />
            <TextField
              {...form.field("displayName")}
              label="Display name"
              autocomplete="nickname"
              hint="Shown to others in chat. You can change it later."
            />
            <TextField
              {...form.field("password")}
              label="Password"
              type="password"
              autocomplete="new-password"
              required
              hint={<PasswordRules />}
            />
          </FormShell>
          <p class="mt-6 text-sm text-neutral-600 dark:text-neutral-400">
            Already have an account?{" "}
            <A href="/login" class={linkClass}>
              Log in
            </A>
          </p>
        </AuthCard>
      }
    >
      {(email) => (
        <AuthCard title="Check your email">
          <div class="flex flex-col gap-4 text-sm" data-testid="register-done">
            <p>
              We sent a message to <strong>{email()}</strong>. Open the confirmation link in it to confirm your address;
              the link is valid for 24 hours.
            </p>
            <p class="text-neutral-600 dark:text-neutral-400">Nothing arrived? Check your spam folder, or:</p>
            <ResendVerification email={email()} />
            <A href="/login" class={linkClass}>
              Continue to log in
            </A>
          </div>
        </AuthCard>
      )}
    </Show>
  );
}
