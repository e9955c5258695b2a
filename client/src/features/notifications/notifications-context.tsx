import type { NotificationDto } from "@contracts/notifications.ts";
import { useNavigate } from "@solidjs/router";
import {
  createContext,
  createEffect,
  createSignal,
  getOwner,
  lazy,
  runWithOwner,
  Show,
  useContext,
  type Accessor,
  type ParentProps,
} from "solid-js";
import { useSession } from "../auth/session-context.tsx";
import { announcement } from "./announcement.ts";
import type { NotificationsStore } from "./notifications-store.ts";

const NotificationToaster = lazy(() => import("./notification-toasts.tsx"));
/** The navbar's bell, a chunk of its own: the shell shows it to signed-in users only. */
export const NotificationBell = lazy(() => import("./notification-bell.tsx"));

/** The store, null until someone signs in (its code, the socket and the schemas load then). */
const NotificationsContext = createContext<Accessor<NotificationsStore | null>>();

/**
 * Inside the router (toasts navigate): one notifications store — one socket — per tab, live while
 * someone is signed in. Pushed notifications become toasts and a polite announcement. A guest
 * downloads none of it: the store's module is imported at the first sign-in.
 */
export function NotificationsProvider(props: ParentProps<{ dark: boolean }>) {
  const session = useSession();
  const navigate = useNavigate();
  const owner = getOwner();
  const [store, setStore] = createSignal<NotificationsStore | null>(null);
  const [spoken, setSpoken] = createSignal("");
  // solid-sonner (and its CSP-blocked inline style) loads with the first pushed notification only.
  const [toasting, setToasting] = createSignal(false);
  const userId = () => (session.status() === "signed-in" ? (session.me()?.user.id ?? null) : null);

  const open = (item: NotificationDto) => {
    void store()
      ?.markRead(item.id)
      .catch(() => undefined);
    if (item.link) navigate(item.link);
  };
  const onArrived = (items: NotificationDto[]) => {
    // Cleared first so the same words twice are read twice.
    setSpoken("");
    queueMicrotask(() => setSpoken(announcement(items)));
    setToasting(true);
    void import("./notification-toasts.tsx").then(async (m) => {
      await m.toasterMounted;
      m.showNotificationToasts(items, open);
    });
  };

  let starting = false;
  createEffect(() => {
    if (!userId() || starting) return;
    starting = true;
    void import("./notifications-store.ts").then((m) => {
      // The store follows userId from now on (sign-out closes its socket) and lives as long as the shell.
      runWithOwner(owner, () => setStore(m.createNotificationsStore(userId, m.browserNotificationsDeps(onArrived))));
    });
  });

  return (
    <NotificationsContext.Provider value={store}>
      {props.children}
      <Show when={userId() && toasting()}>
        <NotificationToaster dark={props.dark} />
      </Show>
      <div class="sr-only" aria-live="polite" aria-atomic="true" data-testid="notifications-announcer">
        {spoken()}
      </div>
    </NotificationsContext.Provider>
  );
}

/** The signed-in user's notifications store (null while signed out or still loading). */
export function useNotifications(): Accessor<NotificationsStore | null> {
  const store = useContext(NotificationsContext);
  if (!store) throw new Error("useNotifications must be used inside <NotificationsProvider>");
  return store;
}
