import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { resetPasswordSchema } from "@contracts/auth.ts";
import { createForm } from "../../lib/form.ts";
import { firstParam } from "../../lib/redirect.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { AuthCard } from "./auth-card.tsx";
import { resetPassword } from "./auth.api.ts";
import { PasswordRules } from "./password-rules.tsx";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";
const buttonClass =
  "inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400";

/** The link cannot work (expired, used, malformed: no code means our own check of the token). */
const isDeadLink = (code: string | null) => code === null || code.startsWith("RESET_TOKEN_");

/** Where the password-reset email links to, with the token in `?token=`. */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = () => firstParam(params.token) ?? "";
  const [done, setDone] = createSignal(false);

  const form = createForm({
    initial: { password: "" },
    schema: resetPasswordSchema,
    toInput: (values) => ({ ...values, token: token() }),
    submit: resetPassword,
    onSuccess: () => setDone(true),
  });

  return (
    <Show
      when={!done()}
      fallback={
        <AuthCard title="Password updated" description="Your new password is set. You were signed out everywhere.">
          <A href="/login" class={buttonClass}>
            Log in
          </A>
        </AuthCard>
      }
    >
      <AuthCard title="Choose a new password">
        <Show
          when={token()}
          fallback={
            <div class="flex flex-col gap-4 text-sm">
              <ErrorNotice message="This reset link is incomplete. Open the whole link from the email." />
              <A href="/forgot-password" class={linkClass}>
                Request a new link
              </A>
            </div>
          }
        >
          <FormShell
            form={form}
            submitLabel="Set new password"
            pendingLabel="Saving…"
            alert={(message) => (
              <div class="flex flex-col gap-2">
                <ErrorNotice message={message()} />
                <Show when={isDeadLink(form.errorCode())}>
                  <A href="/forgot-password" class={`text-sm ${linkClass}`}>
                    Request a new link
                  </A>
                </Show>
              </div>
            )}
          >
            <TextField
              {...form.field("password")}
              label="New password"
              type="password"
              autocomplete="new-password"
              required
              hint={<PasswordRules />}
            />
          </FormShell>
        </Show>
      </AuthCard>
    </Show>
  );
}
