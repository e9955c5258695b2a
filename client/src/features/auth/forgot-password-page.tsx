import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { forgotPasswordSchema } from "@contracts/auth.ts";
import { createForm } from "../../lib/form.ts";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { AuthCard } from "./auth-card.tsx";
import { requestPasswordReset } from "./auth.api.ts";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

export default function ForgotPasswordPage() {
  const [sent, setSent] = createSignal<string | null>(null);
  const form = createForm({
    initial: { email: "" },
    schema: forgotPasswordSchema,
    submit: requestPasswordReset,
    onSuccess: (result) => setSent(result.message ?? "If that account exists, we sent a reset link."),
  });

  return (
    <AuthCard title="Reset your password" description="Enter your email and we will send you a link to set a new one.">
      <Show
        when={sent()}
        fallback={
          <FormShell form={form} submitLabel="Send reset link" pendingLabel="Sending…">
            <TextField {...form.field("email")} label="Email" type="email" autocomplete="email" required />
          </FormShell>
        }
      >
        {(message) => (
          <p role="status" class="text-sm">
            {message()} The link is valid for one hour.
          </p>
        )}
      </Show>
      <p class="mt-6 text-sm">
        <A href="/login" class={linkClass}>
          Back to log in
        </A>
      </p>
    </AuthCard>
  );
}
