import { A, useSearchParams } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { z } from "zod";
import { VERIFY_STATUSES, type VerifyStatus } from "@contracts/auth.ts";
import { firstParam } from "../../lib/redirect.ts";
import { AuthCard } from "./auth-card.tsx";
import { ResendVerificationForm } from "./resend-verification-form.tsx";
import { useSession } from "./session-context.tsx";

const statusSchema = z.enum(VERIFY_STATUSES);
const buttonClass =
  "inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400";

/** Where GET /api/auth/verify sends the browser, with the outcome in `?status=`. */
export default function VerifyPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const status = (): VerifyStatus => {
    const parsed = statusSchema.safeParse(firstParam(params.status));
    return parsed.success ? parsed.data : "invalid";
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
