import { createSignal } from "solid-js";
import { resendVerificationSchema } from "@contracts/auth.ts";
import { createForm } from "../../lib/form.ts";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { resendVerification } from "./auth.api.ts";

/** Asks for the address and mails a new confirmation link (for visitors whose link failed). */
export function ResendVerificationForm(props: { initialEmail?: string }) {
  const [notice, setNotice] = createSignal<string | null>(null);
  const form = createForm({
    initial: { email: props.initialEmail ?? "" },
    schema: resendVerificationSchema,
    submit: resendVerification,
    onSuccess: (result) => setNotice(result.message ?? "We sent a new link."),
  });

  return (
    <FormShell
      form={form}
      submitLabel="Send a new link"
      pendingLabel="Sending…"
      footer={
        <p role="status" class="text-sm text-neutral-600 dark:text-neutral-400">
          {notice()}
        </p>
      }
    >
      <TextField {...form.field("email")} label="Email" type="email" autocomplete="email" required />
    </FormShell>
  );
}
