import { Show } from "solid-js";
import type { BannerTone, CheckoutBanner as Banner } from "./checkout.ts";

const TONES: Record<BannerTone, string> = {
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100",
  info: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-100",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100",
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100",
};

export interface CheckoutBannerProps {
  banner: Banner;
  /** The payment is still being checked (shows a spinner). */
  waiting?: boolean;
  onDismiss: () => void;
}

/**
 * The outcome of the checkout the buyer came back from. One element for the whole wait, so the
 * change from "Waiting…" to "Payment received" is announced (a status region; an alert on failure).
 */
export function CheckoutBanner(props: CheckoutBannerProps) {
  return (
    <div
      data-testid="checkout-banner"
      data-tone={props.banner.tone}
      role={props.banner.tone === "error" ? "alert" : "status"}
      aria-atomic="true"
      class={`flex items-start gap-3 rounded-lg border p-4 text-sm ${TONES[props.banner.tone]}`}
    >
      <Show when={props.waiting}>
        <span
          class="mt-0.5 size-4 shrink-0 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
          aria-hidden="true"
        />
      </Show>
      <div class="flex-1">
        <p class="font-semibold">{props.banner.title}</p>
        <p class="mt-1">{props.banner.message}</p>
      </div>
      <button
        type="button"
        onClick={() => props.onDismiss()}
        class="rounded-md px-2 py-1 text-xs font-medium underline-offset-2 hover:underline"
      >
        Dismiss
      </button>
    </div>
  );
}
