import { createSignal, Show } from "solid-js";
import { resendVerificationSchema } from "@contracts/auth.ts";
import { api } from "../../lib/api.ts";
import { createForm } from "../../lib/form.ts";
import { ErrorNotice } from "../feedback/error-notice.tsx";
import { SubmitButton } from "../forms/submit-button.tsx";
import { TextField } from "../forms/text-field.tsx";

/** Asks for the address and mails a new confirmation link (for visitors whose link failed). */
export function ResendVerificationForm(props: { initialEmail?: string }) {
  const [notice, setNotice] = createSignal<string | null>(null);
  const form = createForm({
    initial: { email: props.initialEmail ?? "" },
    schema: resendVerificationSchema,
    submit: api.auth.resendVerification,
    onSuccess: (result) => setNotice(result.message ?? "We sent a new link."),
  });

  return (
    <form noValidate onSubmit={form.handleSubmit} class="flex flex-col gap-4">
      <Show when={form.formError()}>{(message) => <ErrorNotice message={message()} />}</Show>
      <TextField
        name="email"
        label="Email"
        type="email"
        autocomplete="email"
        required
        value={form.values().email}
        onInput={(value) => form.setValue("email", value)}
        error={form.error("email")}
      />
      <SubmitButton label="Send a new link" pendingLabel="Sending…" pending={form.pending()} />
      <p role="status" class="text-sm text-neutral-600 dark:text-neutral-400">
        {notice()}
      </p>
    </form>
  );
}
