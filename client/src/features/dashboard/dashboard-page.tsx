import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { displayCredits } from "../../lib/credits.ts";
import { displayName } from "../../lib/display-name.ts";
import { canAccess, ROLE_LABELS } from "../auth/access.ts";
import { ResendVerification } from "../auth/resend-verification.tsx";
import { useSession } from "../auth/session-context.tsx";
import { useWallet } from "../wallet/wallet-context.tsx";

const badgeClass = "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium";
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });
const cardClass =
  "block h-full rounded-xl border border-neutral-200 bg-white p-5 shadow-sm hover:border-indigo-400 dark:border-neutral-800 dark:bg-neutral-900 dark:hover:border-indigo-500";

/** The signed-in home (behind <Protected>). */
export default function DashboardPage() {
  const session = useSession();
  const wallet = useWallet();

  return (
    <Show when={session.me()}>
      {(me) => (
        <div class="flex flex-col gap-6">
          <Show when={!me().user.emailVerified}>
            <section
              aria-labelledby="verify-banner-heading"
              data-testid="verify-email-banner"
              class="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
            >
              <h2 id="verify-banner-heading" class="font-semibold">
                Confirm your email address
              </h2>
              <p>
                We sent a link to <strong>{me().user.email}</strong>. Some features stay locked until you open it.
              </p>
              <ResendVerification email={me().user.email} label="Resend confirmation email" />
            </section>
          </Show>

          <header>
            <h1 class="text-3xl font-bold tracking-tight">Welcome, {displayName(me())}</h1>
            <div class="mt-3 flex flex-wrap items-center gap-2">
              <span
                data-testid="role-badge"
                class={`${badgeClass} bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200`}
              >
                {ROLE_LABELS[me().user.role]}
              </span>
              <Show
                when={me().user.emailVerified}
                fallback={
                  <span
                    data-testid="email-badge"
                    class={`${badgeClass} bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200`}
                  >
                    Email not verified
                  </span>
                }
              >
                <span
                  data-testid="email-badge"
                  class={`${badgeClass} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200`}
                >
                  Email verified
                </span>
              </Show>
            </div>
          </header>

          <nav aria-label="Credits">
            <ul class="grid gap-4 sm:grid-cols-2">
              <li>
                <A href="/dashboard/wallet" class={cardClass} data-testid="dashboard-wallet-card">
                  <span class="block font-semibold text-indigo-600 dark:text-indigo-400">Wallet</span>
                  <span class="mt-1 block text-2xl font-bold tabular-nums">
                    {wallet.balance()
                      ? `${displayCredits(wallet.balance()?.balance ?? "0", { compact: true })} credits`
                      : "—"}
                  </span>
                  <span class="mt-1 block text-sm text-neutral-600 dark:text-neutral-400">
                    Your balance and every credit in and out.
                  </span>
                </A>
              </li>
              <li>
                <A href="/dashboard/credits" class={cardClass} data-testid="dashboard-credits-card">
                  <span class="block font-semibold text-indigo-600 dark:text-indigo-400">Buy credits</span>
                  <span class="mt-1 block text-sm text-neutral-600 dark:text-neutral-400">
                    Top up with a card or crypto, and see your payments.
                  </span>
                </A>
              </li>
            </ul>
          </nav>

          <dl class="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt class="text-neutral-500 dark:text-neutral-400">Email</dt>
            <dd>{me().user.email}</dd>
            <dt class="text-neutral-500 dark:text-neutral-400">Member since</dt>
            <dd>{dateFormat.format(new Date(me().user.createdAt))}</dd>
          </dl>

          <Show when={canAccess(me().user.role, "creator")}>
            <nav aria-label="Your areas" class="flex flex-wrap gap-3">
              <Show when={canAccess(me().user.role, "creator")}>
                <A href="/creator" class="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  Creator studio
                </A>
              </Show>
              <Show when={canAccess(me().user.role, "admin")}>
                <A href="/admin" class="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  Admin
                </A>
              </Show>
            </nav>
          </Show>
        </div>
      )}
    </Show>
  );
}
