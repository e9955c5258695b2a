import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import type { WalletBalanceDto } from "@contracts/wallet.ts";
import { getBalance } from "./wallet.api.ts";

export const WALLET_POLL_MS = 15_000;

export interface WalletStore {
  /** The signed-in user's balance; null while signed out or before the first answer. */
  balance: Accessor<WalletBalanceDto | null>;
  /** Why the last read failed; the last known balance stays shown. */
  error: Accessor<unknown>;
  /** Re-reads the balance now (after a payment, say); answers to older reads are dropped. */
  refresh: () => Promise<WalletBalanceDto | null>;
}

export interface WalletStoreDeps {
  fetchBalance: (signal: AbortSignal) => Promise<WalletBalanceDto>;
  /** The signed-in user's id, null when signed out: the balance belongs to that account. */
  account: Accessor<string | null>;
  intervalMs?: number;
  /** Polling pauses while the page is hidden and catches up when it shows again. */
  page?: Pick<Document, "visibilityState" | "addEventListener" | "removeEventListener"> | undefined;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** The wallet balance, polled while signed in and re-read on demand. */
export function createWalletStore(deps: WalletStoreDeps): WalletStore {
  const [balance, setBalance] = createSignal<WalletBalanceDto | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const intervalMs = deps.intervalMs ?? WALLET_POLL_MS;
  // A changed profile of the same user is not a new account.
  const account = createMemo(deps.account);
  let latest = 0;
  let inFlight: AbortController | undefined;

  const refresh = async (): Promise<WalletBalanceDto | null> => {
    if (!account()) return null;
    const request = ++latest;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const next = await deps.fetchBalance(controller.signal);
      if (request !== latest) return balance();
      batch(() => {
        setBalance(next);
        setError(null);
      });
      return next;
    } catch (cause) {
      if (request === latest && !isAbort(cause)) setError(cause);
      return balance();
    } finally {
      if (inFlight === controller) inFlight = undefined;
    }
  };

  const isHidden = () => deps.page?.visibilityState === "hidden";

  createEffect(
    on(account, (current) => {
      latest++;
      inFlight?.abort();
      batch(() => {
        setBalance(null);
        setError(null);
      });
      if (!current) return;
      void refresh();
      const timer = setInterval(() => {
        if (!isHidden()) void refresh();
      }, intervalMs);
      const onVisibility = () => {
        if (!isHidden()) void refresh();
      };
      deps.page?.addEventListener("visibilitychange", onVisibility);
      onCleanup(() => {
        clearInterval(timer);
        deps.page?.removeEventListener("visibilitychange", onVisibility);
      });
    }),
  );
  onCleanup(() => inFlight?.abort());

  return { balance, error, refresh };
}

export const browserWalletDeps = (account: Accessor<string | null>): WalletStoreDeps => ({
  fetchBalance: (signal) => getBalance(signal),
  account,
  page: typeof document === "undefined" ? undefined : document,
});
