import { A, useLocation } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, Show, Switch, type JSX } from "solid-js";
import { displayCredits } from "../../lib/credits.ts";
import { CloseIcon, CoinsIcon, MenuIcon } from "../icons.tsx";
import { AccountMenu } from "./account-menu.tsx";
import { accountLinks, primaryLinks, type NavLink } from "./nav-links.ts";
import { ThemeToggle } from "./theme-toggle.tsx";

export interface NavAccount {
  name: string;
  /** The account pages this user's role may open. */
  links: NavLink[];
  /** Links beside Home for this user's role ("Go live" for creators). */
  navLinks?: NavLink[];
}

export interface NavbarProps {
  isDark: boolean;
  onToggleTheme: () => void;
  /** "loading" until the session is known, so neither "Log in" nor the menu flashes. */
  account: NavAccount | null | "loading";
  /** The signed-in user's balance ("1000.000"), null until known. */
  balance: string | null;
  onLogout: () => void;
  loggingOut: boolean;
  /** Shown beside the balance for a signed-in user (the notification bell, wired by the shell). */
  bell?: JSX.Element;
}

const linkClass = "rounded-md px-3 py-2 text-sm font-medium";
const inactiveClass =
  "text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 dark:text-neutral-300 dark:hover:bg-neutral-800 dark:hover:text-white";
const activeClass = "bg-neutral-100 text-neutral-900 dark:bg-neutral-800 dark:text-white";
const signUpClass =
  "rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400";

/** A link that shows when it is the current page. */
function NavItem(props: { link: NavLink; block?: boolean }) {
  return (
    <A
      href={props.link.href}
      end={props.link.end}
      class={props.block ? `block ${linkClass}` : linkClass}
      activeClass={activeClass}
      inactiveClass={inactiveClass}
    >
      {props.link.label}
    </A>
  );
}

export function Navbar(props: NavbarProps) {
  const [menuOpen, setMenuOpen] = createSignal(false);
  const location = useLocation();
  let menuButton: HTMLButtonElement | undefined;

  const signedIn = (): NavAccount | null =>
    props.account !== null && props.account !== "loading" ? props.account : null;
  const topLinks = (): NavLink[] => [...primaryLinks, ...(signedIn()?.navLinks ?? [])];
  const mobileLinks = (): NavLink[] => {
    const account = signedIn();
    if (account) return [...topLinks(), ...account.links];
    if (props.account === null) return [...primaryLinks, accountLinks.login, accountLinks.register];
    return primaryLinks;
  };

  // Navigating (from the menu or anywhere else) closes the mobile menu.
  createEffect(
    on(
      () => location.pathname,
      () => setMenuOpen(false),
      { defer: true },
    ),
  );

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !menuOpen()) return;
    setMenuOpen(false);
    menuButton?.focus();
  };

  return (
    <header
      class="sticky top-0 z-40 border-b border-neutral-200 bg-white/90 backdrop-blur print:hidden dark:border-neutral-800 dark:bg-neutral-950/90"
      onKeyDown={closeOnEscape}
    >
      <nav aria-label="Main" class="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <A href="/" class="rounded-md text-lg font-bold tracking-tight text-indigo-600 dark:text-indigo-400">
          Tollgate
        </A>

        <ul class="hidden items-center gap-1 md:flex">
          <For each={topLinks()}>
            {(link) => (
              <li>
                <NavItem link={link} />
              </li>
            )}
          </For>
        </ul>

        <div class="ml-auto flex items-center gap-2">
          <Show when={signedIn() && props.balance}>
            {(balance) => (
              <A
                href="/dashboard/wallet"
                title="Your wallet"
                class="flex items-center gap-1.5 rounded-md px-2 py-2 text-sm font-medium text-neutral-700 tabular-nums hover:bg-neutral-100 dark:text-neutral-200 dark:hover:bg-neutral-800"
                activeClass="bg-neutral-100 dark:bg-neutral-800"
                inactiveClass=""
              >
                <CoinsIcon />
                <span class="sr-only">Wallet balance: </span>
                {/* Polite: a changed balance is read out once the user is idle, never interrupting. */}
                <span data-testid="navbar-balance" aria-live="polite" aria-atomic="true">
                  {displayCredits(balance(), { compact: true })} credits
                </span>
              </A>
            )}
          </Show>
          <Show when={signedIn()}>{props.bell}</Show>
          <ThemeToggle isDark={props.isDark} onToggle={props.onToggleTheme} />
          <div class="hidden items-center gap-2 md:flex">
            <Switch>
              <Match when={signedIn()}>
                {(account) => (
                  <AccountMenu
                    name={account().name}
                    links={account().links}
                    onLogout={props.onLogout}
                    loggingOut={props.loggingOut}
                  />
                )}
              </Match>
              <Match when={props.account === null}>
                <NavItem link={accountLinks.login} />
                <A href={accountLinks.register.href} class={signUpClass}>
                  {accountLinks.register.label}
                </A>
              </Match>
            </Switch>
          </div>
          <button
            ref={menuButton}
            type="button"
            class="rounded-md p-2 text-neutral-600 hover:bg-neutral-100 md:hidden dark:text-neutral-300 dark:hover:bg-neutral-800"
            aria-label={menuOpen() ? "Close menu" : "Open menu"}
            aria-expanded={menuOpen()}
            aria-controls="mobile-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <Show when={menuOpen()} fallback={<MenuIcon />}>
              <CloseIcon />
            </Show>
          </button>
        </div>
      </nav>

      <Show when={menuOpen()}>
        <div id="mobile-menu" class="border-t border-neutral-200 px-4 py-3 md:hidden dark:border-neutral-800">
          <Show when={signedIn()}>
            {(account) => (
              <p class="px-3 pb-2 text-xs font-medium text-neutral-500 dark:text-neutral-400">
                Signed in as {account().name}
              </p>
            )}
          </Show>
          <ul class="flex flex-col gap-1">
            <For each={mobileLinks()}>
              {(link) => (
                <li>
                  <NavItem link={link} block />
                </li>
              )}
            </For>
            <Show when={signedIn()}>
              <li>
                <button
                  type="button"
                  class={`block w-full text-left ${linkClass} ${inactiveClass}`}
                  disabled={props.loggingOut}
                  onClick={() => props.onLogout()}
                >
                  {props.loggingOut ? "Logging out…" : "Log out"}
                </button>
              </li>
            </Show>
          </ul>
        </div>
      </Show>
    </header>
  );
}
