import type { NotificationTypeName } from "@contracts/notifications.ts";
import type { JSX } from "solid-js";

const PATHS: Record<NotificationTypeName, JSX.Element> = {
  STREAM_LIVE: <path d="M23 7l-7 5 7 5V7zM1 5h15v14H1z" />,
  FOLLOW: <path d="M16 21v-2a4 4 0 0 0-8 0v2M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM20 8v6M23 11h-6" />,
  PAYMENT_SUCCESS: <path d="M1 4h22v16H1zM1 10h22" />,
  LOW_BALANCE: (
    <path d="M12 9v4M12 17h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
  ),
  MODERATION: <path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z" />,
  REPORT_OUTCOME: <path d="M4 15s1-1 4-1 5 2 8 2 4-1 4-1V3s-1 1-4 1-5-2-8-2-4 1-4 1zM4 22v-7" />,
  APPEAL: <path d="M3 6h18M3 12h18M3 18h12" />,
  SYSTEM: <path d="M12 16v-4M12 8h.01M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z" />,
};

/** The icon for a notification's type (decorative: the title says what it is). */
export function NotificationIcon(props: { type: NotificationTypeName }) {
  return (
    <svg
      class="size-5 shrink-0 text-indigo-600 dark:text-indigo-400"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {PATHS[props.type]}
    </svg>
  );
}

export const BellIcon = () => (
  <svg
    class="size-5"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.73 21a2 2 0 0 1-3.46 0" />
  </svg>
);
