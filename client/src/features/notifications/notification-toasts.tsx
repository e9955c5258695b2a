import type { NotificationDto } from "@contracts/notifications.ts";
import { toast, Toaster } from "solid-sonner";

// solid-sonner lives in this chunk only: the provider mounts the Toaster and shows toasts through
// a dynamic import, so the home page does not pay for it.

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

export default function NotificationToaster(props: { dark: boolean }) {
  return <Toaster position="bottom-right" theme={props.dark ? "dark" : "light"} closeButton />;
}
