import { createSignal, onCleanup, type Accessor } from "solid-js";

export type Theme = "light" | "dark";
export const THEME_STORAGE_KEY = "tollgate-theme";

export interface ThemeStore {
  theme: Accessor<Theme>;
  setTheme: (theme: Theme) => void;
  toggle: () => void;
}

export interface ThemeStoreDeps {
  storage?: Pick<Storage, "getItem" | "setItem"> | undefined;
  media?: MediaQueryList | undefined;
  root?: HTMLElement | undefined;
}

function browserDeps(): ThemeStoreDeps {
  if (typeof window === "undefined") return {};
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined; // storage can be blocked (privacy settings); the theme then just isn't remembered
  }
  return { storage, media: window.matchMedia("(prefers-color-scheme: dark)"), root: document.documentElement };
}

function readStored(storage: ThemeStoreDeps["storage"]): Theme | null {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

/**
 * Light/dark theme: a stored choice wins, otherwise it follows prefers-color-scheme (live).
 * Applies the `dark` class to <html>, which Tailwind's `dark:` variant keys off.
 */
export function createThemeStore(deps: ThemeStoreDeps = browserDeps()): ThemeStore {
  const { storage, media, root } = deps;
  let chosen = readStored(storage);
  const [theme, setThemeSignal] = createSignal<Theme>(chosen ?? (media?.matches ? "dark" : "light"));

  const apply = (next: Theme) => {
    setThemeSignal(next);
    root?.classList.toggle("dark", next === "dark");
  };
  apply(theme());

  const onSystemChange = (event: MediaQueryListEvent) => {
    if (chosen === null) apply(event.matches ? "dark" : "light");
  };
  media?.addEventListener("change", onSystemChange);
  onCleanup(() => media?.removeEventListener("change", onSystemChange));

  const setTheme = (next: Theme) => {
    chosen = next;
    try {
      storage?.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
    apply(next);
  };

  return { theme, setTheme, toggle: () => setTheme(theme() === "dark" ? "light" : "dark") };
}
