import type { NotificationDto } from "@contracts/notifications.ts";
import { onMount } from "solid-js";
import { toast, Toaster } from "solid-sonner";
import "solid-sonner/styles.css";
import "./notification-toasts.css";

// solid-sonner lives in this chunk only: the provider mounts the Toaster and shows toasts through a
// dynamic import, so the home page does not pay for it. Our CSP (style-src 'self') blocks the inline
// <style> it injects and the style="--width:356px" in its template, so its stylesheet and that width
// come as files here (until the CSP allows those two hashes; see docs/STATUS.md).

/** One toast per pushed notification, with an action that opens it. */
export function showNotificationToasts(items: readonly NotificationDto[], open: (item: NotificationDto) => void) {
  for (const item of items) {
    toast(item.title, {
      id: `notification-${item.id}`,
      description: item.message ?? undefined,
      duration: 8_000,
      action: item.link ? { label: "Open", onClick: () => open(item) } : undefined,
    });
  }
}

let markMounted: () => void = () => undefined;
/** Resolves once the Toaster is on the page (a toast sent before it would be lost). */
export const toasterMounted = new Promise<void>((resolve) => (markMounted = resolve));

export default function NotificationToaster(props: { dark: boolean }) {
  onMount(() => markMounted());
  return <Toaster position="bottom-right" theme={props.dark ? "dark" : "light"} closeButton />;
}
