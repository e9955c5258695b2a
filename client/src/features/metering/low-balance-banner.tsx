import { displayCredits } from "../../lib/credits.ts";

/** Under 50 credits while watching: how much is left and a quick way to top up. */
export function LowBalanceBanner(props: { remainingCredits: string; onTopUp: () => void }) {
  return (
    <div
      role="status"
      data-testid="low-balance-banner"
      class="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p>
        <span class="font-semibold">Running low:</span> {displayCredits(props.remainingCredits, { compact: true })}{" "}
        credits left.
      </p>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => props.onTopUp()}
        class="rounded-md bg-amber-600 px-3 py-1.5 font-semibold text-white hover:bg-amber-500"
      >
        Top up
      </button>
    </div>
  );
}
