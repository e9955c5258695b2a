import { createSignal, Show } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { resendVerification } from "./auth.api.ts";

export interface ResendVerificationProps {
  email: string;
  label?: string;
}

/** A button that mails a new confirmation link to a known address, and says what happened. */
export function ResendVerification(props: ResendVerificationProps) {
  const [pending, setPending] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  const resend = async () => {
    setPending(true);
    setFailure(null);
    setNotice(null);
    try {
      const result = await resendVerification({ email: props.email });
      setNotice(result.message ?? "We sent a new link.");
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <div class="flex flex-col items-start gap-2">
      <button
        type="button"
        onClick={() => void resend()}
        disabled={pending()}
        class="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:cursor-wait disabled:opacity-70 dark:border-neutral-700 dark:hover:bg-neutral-800"
      >
        {pending() ? "Sending…" : (props.label ?? "Resend the email")}
      </button>
      <p role="status" class="text-sm text-neutral-600 dark:text-neutral-400">
        {notice()}
      </p>
      <Show when={failure()}>
        {(message) => (
          <p role="alert" class="text-sm text-red-700 dark:text-red-300">
            {message()}
          </p>
        )}
      </Show>
    </div>
  );
}
