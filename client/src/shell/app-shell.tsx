import { useNavigate } from "@solidjs/router";
import { createMemo, createSignal, Show, type ParentProps } from "solid-js";
import { useSession } from "../features/auth/session-context.tsx";
import { NotificationBell, NotificationsProvider } from "../features/notifications/notifications-context.tsx";
import { useWallet } from "../features/wallet/wallet-context.tsx";
import { errorMessage } from "../lib/api/api-error.ts";
import { displayName } from "../lib/display-name.ts";
import { ErrorNotice } from "../ui/feedback/error-notice.tsx";
import { RouteErrorBoundary } from "../ui/feedback/route-error-boundary.tsx";
import { Footer } from "../ui/layout/footer.tsx";
import { Navbar, type NavAccount } from "../ui/layout/navbar.tsx";
import { useTheme } from "../ui/theme/theme-context.tsx";
import { memberLinksFor, navLinksFor } from "./member-links.ts";

/** Router root: navbar, the routed page (behind the error boundary), footer. */
export function AppShell(props: ParentProps) {
  const theme = useTheme();
  const session = useSession();
  const wallet = useWallet();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = createSignal(false);
  const [logoutError, setLogoutError] = createSignal<string | null>(null);

  const account = createMemo((): NavAccount | null | "loading" => {
    if (session.status() === "loading") return "loading";
    const me = session.me();
    return me
      ? { name: displayName(me), links: memberLinksFor(me.user.role), navLinks: navLinksFor(me.user.role) }
      : null;
  });

  const logout = async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await session.logout();
      navigate("/");
    } catch (error) {
      setLogoutError(`Could not log out: ${errorMessage(error)}`);
    } finally {
      setLoggingOut(false);
    }
  };

  let main: HTMLElement | undefined;
  const skipToContent = (event: MouseEvent) => {
    event.preventDefault();
    main?.focus();
  };
  return (
    <NotificationsProvider dark={theme.theme() === "dark"}>
      <div class="flex min-h-dvh flex-col">
        <a
          href="#main"
          onClick={skipToContent}
          class="sr-only rounded-md bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to content
        </a>
        <Navbar
          isDark={theme.theme() === "dark"}
          onToggleTheme={theme.toggle}
          account={account()}
          balance={wallet.balance()?.balance ?? null}
          onLogout={() => void logout()}
          loggingOut={loggingOut()}
          bell={<NotificationBell />}
        />
        <main
          ref={main}
          id="main"
          tabindex="-1"
          class="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6"
        >
          <Show when={logoutError()}>
            {(message) => (
              <div class="mb-6">
                <ErrorNotice message={message()} onRetry={() => void logout()} />
              </div>
            )}
          </Show>
          <RouteErrorBoundary>{props.children}</RouteErrorBoundary>
        </main>
        <Footer />
      </div>
    </NotificationsProvider>
  );
}
