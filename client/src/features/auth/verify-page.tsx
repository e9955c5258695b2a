import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { z } from "zod";
import { VERIFY_STATUSES, type VerifyStatus } from "@contracts/auth.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { firstParam } from "../../lib/redirect.ts";
import { confirmEmail } from "./auth.api.ts";
import { AuthCard } from "./auth-card.tsx";
import { ResendVerificationForm } from "./resend-verification-form.tsx";
import { useSession } from "./session-context.tsx";

const statusSchema = z.enum(VERIFY_STATUSES);
const buttonClass =
  "inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60 dark:bg-indigo-500 dark:hover:bg-indigo-400";

/**
 * Where the mailed link opens (`?token=`): the address is confirmed only when the visitor presses
 * the button (a POST), so a mail scanner that fetches the link confirms nothing. `?status=` shows
 * an outcome directly (an old link without a token).
 */
export default function VerifyPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const token = () => firstParam(params.token);
  const [result, setResult] = createSignal<VerifyStatus | null>(null);
  const [pending, setPending] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);

  const status = (): VerifyStatus | "pending" => {
    const outcome = result();
    if (outcome) return outcome;
    if (token()) return "pending";
    const parsed = statusSchema.safeParse(firstParam(params.status));
    return parsed.success ? parsed.data : "invalid";
  };

  const confirm = async () => {
    const value = token();
    if (!value || pending()) return;
    setPending(true);
    setFailure(null);
    try {
      const { status: outcome } = await confirmEmail(value);
      setResult(outcome);
      if (outcome === "ok" && session.status() === "signed-in") void session.reload();
    } catch (cause) {
      setFailure(cause instanceof ApiError ? cause.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  };

  const next = () => (
    <Show
      when={session.status() === "signed-in"}
      fallback={
        <A href="/login" class={buttonClass}>
          Log in
        </A>
      }
    >
      <A href="/dashboard" class={buttonClass}>
        Go to your dashboard
      </A>
    </Show>
  );

  return (
    <div data-testid="verify-result" data-status={status()}>
      <Switch>
        <Match when={status() === "pending"}>
          <AuthCard title="Confirm your email" description="Press the button to confirm this email address.">
            <div class="flex flex-col gap-4">
              <button type="button" class={buttonClass} disabled={pending()} onClick={() => void confirm()}>
                {pending() ? "Confirming…" : "Confirm my email"}
              </button>
              <Show when={failure()}>
                {(message) => (
                  <p role="alert" class="text-sm text-red-700 dark:text-red-400">
                    {message()}
                  </p>
                )}
              </Show>
            </div>
          </AuthCard>
        </Match>
        <Match when={status() === "ok"}>
          <AuthCard title="Email confirmed" description="Thanks! Your email address is confirmed.">
            {next()}
          </AuthCard>
        </Match>
        <Match when={status() === "used" || status() === "already_verified"}>
          <AuthCard
            title="Email already confirmed"
            description="This address was confirmed before; nothing more to do."
          >
            {next()}
          </AuthCard>
        </Match>
        <Match when={status() === "expired"}>
          <AuthCard
            title="This link has expired"
            description="Confirmation links are valid for 24 hours. Enter your email and we will send a new one."
          >
            <ResendVerificationForm initialEmail={session.me()?.user.email} />
          </AuthCard>
        </Match>
        <Match when={status() === "invalid"}>
          <AuthCard
            title="This link is not valid"
            description="It may be incomplete: copy the whole link from the email. Or ask for a new one."
          >
            <ResendVerificationForm initialEmail={session.me()?.user.email} />
          </AuthCard>
        </Match>
      </Switch>
    </div>
  );
}
