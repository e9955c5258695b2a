import { z } from "zod";
import { safeRedirectPath } from "../../lib/redirect.ts";

/**
 * Where to offer to take the buyer after a checkout started away from the credits page (the
 * watch page's top-up). The provider always sends buyers back to /dashboard/credits, so the page
 * that started the checkout leaves a note in this tab's sessionStorage.
 */
export interface CheckoutReturn {
  path: string;
  label: string;
}

const KEY = "tollgate:checkout-return";
const storedSchema = z.object({ path: z.string(), label: z.string().min(1).max(100) });

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;
const session = (): Storage | null => (typeof sessionStorage === "undefined" ? null : sessionStorage);

export function rememberCheckoutReturn(target: CheckoutReturn, storage: Storage | null = session()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(target));
  } catch (error) {
    console.warn("could not remember where to come back to", error); // storage full or disabled: no link, that is all
  }
}

export function checkoutReturn(storage: Storage | null = session()): CheckoutReturn | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(KEY) ?? null;
  } catch {
    return null; // storage disabled: nothing was remembered
  }
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null; // not ours
  }
  const stored = storedSchema.safeParse(parsed).data;
  const path = stored ? safeRedirectPath(stored.path) : null;
  return stored && path ? { path, label: stored.label } : null;
}

export function forgetCheckoutReturn(storage: Storage | null = session()): void {
  try {
    storage?.removeItem(KEY);
  } catch (error) {
    console.warn("could not forget the checkout return", error);
  }
}
