import { batch, createSignal, onCleanup, type Accessor } from "solid-js";
import type { CheckoutRequest, ProviderName } from "@contracts/payments.ts";
import { checkoutErrorMessage, isSafeCheckoutUrl } from "./checkout.ts";
import { startCheckout } from "./payments.api.ts";

export interface CheckoutStarter {
  provider: Accessor<ProviderName>;
  setProvider: (provider: ProviderName) => void;
  /** The package whose checkout is starting (its button shows the wait). */
  pendingPriceId: Accessor<string | null>;
  /** Why the last checkout of this package did not start. */
  errorFor: (priceId: string) => string | undefined;
  buy: (priceId: string) => Promise<void>;
}

export interface CheckoutStarterDeps {
  startCheckout: (input: CheckoutRequest) => Promise<{ checkoutUrl: string }>;
  /** Leaves the app for the provider's page (or the dev checkout). */
  leaveFor: (url: string) => void;
  origin: string;
  /** Calls back when the browser shows this page again from its back/forward cache. */
  onPageRestored?: (listener: () => void) => () => void;
}

function browserDeps(): CheckoutStarterDeps {
  return {
    startCheckout,
    leaveFor: (url) => window.location.assign(url),
    origin: window.location.origin,
    onPageRestored: (listener) => {
      const onPageShow = (event: PageTransitionEvent) => {
        if (event.persisted) listener();
      };
      window.addEventListener("pageshow", onPageShow);
      return () => window.removeEventListener("pageshow", onPageShow);
    },
  };
}

/** Starts a checkout for a package and sends the browser to the provider. */
export function createCheckoutStarter(deps: CheckoutStarterDeps = browserDeps()): CheckoutStarter {
  const [provider, setProvider] = createSignal<ProviderName>("stripe");
  const [pendingPriceId, setPendingPriceId] = createSignal<string | null>(null);
  const [errors, setErrors] = createSignal<Readonly<Record<string, string>>>({});

  const setError = (priceId: string, message: string | undefined) =>
    setErrors((current) => {
      const next = { ...current };
      if (message === undefined) delete next[priceId];
      else next[priceId] = message;
      return next;
    });

  const buy = async (priceId: string) => {
    if (pendingPriceId()) return;
    batch(() => {
      setPendingPriceId(priceId);
      setError(priceId, undefined);
    });
    try {
      const { checkoutUrl } = await deps.startCheckout({ priceId, provider: provider() });
      if (!isSafeCheckoutUrl(checkoutUrl, deps.origin)) throw new Error("The payment provider sent an invalid link.");
      // The button keeps its "Redirecting…" state while the browser leaves.
      deps.leaveFor(checkoutUrl);
    } catch (cause) {
      batch(() => {
        setPendingPriceId(null);
        setError(priceId, checkoutErrorMessage(cause));
      });
    }
  };

  // Back from the provider's page: the checkout we were leaving for is no longer "starting".
  const stopListening = deps.onPageRestored?.(() => setPendingPriceId(null));
  if (stopListening) onCleanup(stopListening);

  return { provider, setProvider, pendingPriceId, errorFor: (priceId) => errors()[priceId], buy };
}
