import { batch, createSignal, onCleanup, type Accessor } from "solid-js";
import type { LoginInput, Me, RegisterInput } from "@contracts/auth.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { onSessionChange, type Session } from "../../lib/api/core.ts";
import { SESSION_HINT_KEY, sessionHint, type SessionHint } from "../../lib/api/session-hint.ts";
import { getMe } from "../users/users.api.ts";
import * as authApi from "./auth.api.ts";

export type SessionStatus = "loading" | "signed-in" | "signed-out";

export interface SessionStore {
  me: Accessor<Me | null>;
  status: Accessor<SessionStatus>;
  /** Why the last check of the session failed, when it failed for another reason than "signed out". */
  error: Accessor<unknown>;
  login: (input: LoginInput) => Promise<Me>;
  /** Answers the same for a new and a taken address (the mail tells the owner which). */
  register: (input: RegisterInput) => Promise<void>;
  logout: () => Promise<void>;
  /** Renews the session (POST /api/auth/refresh) and re-reads the account; null when it has ended. */
  refresh: () => Promise<Me | null>;
  /** Re-reads the account (GET /api/me), e.g. after the email was confirmed. */
  reload: () => Promise<Me | null>;
}

export interface SessionStoreDeps {
  me: () => Promise<Me>;
  login: (input: LoginInput) => Promise<Session>;
  register: (input: RegisterInput) => Promise<unknown>;
  logout: () => Promise<void>;
  refresh: () => Promise<Session>;
  onSessionChange: (listener: (session: Session | null) => void) => () => void;
  hint: SessionHint;
  /** Where other tabs announce sign-in and sign-out (the hint's storage events). */
  events?: Pick<Window, "addEventListener" | "removeEventListener"> | undefined;
}

function browserDeps(): SessionStoreDeps {
  return {
    me: () => getMe(),
    login: authApi.login,
    register: authApi.register,
    logout: authApi.logout,
    refresh: authApi.refreshSession,
    onSessionChange,
    hint: sessionHint,
    events: typeof window === "undefined" ? undefined : window,
  };
}

const isSignedOutError = (error: unknown) => error instanceof ApiError && error.status === 401;

/** The signed-in account, loaded from /api/me when the app starts. */
export function createSessionStore(deps: SessionStoreDeps = browserDeps()): SessionStore {
  const [me, setMe] = createSignal<Me | null>(null);
  const [status, setStatus] = createSignal<SessionStatus>("loading");
  const [error, setError] = createSignal<unknown>(null);
  // Answers that arrive after a newer sign-in or sign-out are stale and dropped.
  let generation = 0;

  const signedIn = (next: Me) =>
    batch(() => {
      setMe(next);
      setError(null);
      setStatus("signed-in");
    });
  const signedOut = () =>
    batch(() => {
      setMe(null);
      setError(null);
      setStatus("signed-out");
    });

  const reload = async (): Promise<Me | null> => {
    const started = ++generation;
    if (!me()) setStatus("loading");
    try {
      const next = await deps.me();
      if (started === generation) signedIn(next);
      return next;
    } catch (cause) {
      if (started !== generation) return me();
      if (isSignedOutError(cause)) {
        signedOut();
        return null;
      }
      // A network or server failure says nothing about the session: keep what we know.
      batch(() => {
        setError(cause);
        setStatus(me() ? "signed-in" : "signed-out");
      });
      return me();
    }
  };

  const login = async (input: LoginInput): Promise<Me> => {
    const session = await deps.login(input);
    generation++;
    let next: Me;
    try {
      next = await deps.me();
    } catch (cause) {
      if (isSignedOutError(cause)) throw cause;
      next = { user: session.user, profile: null }; // signed in all the same; the profile shows up on reload
    }
    signedIn(next);
    return next;
  };

  const register = async (input: RegisterInput) => {
    await deps.register(input);
  };

  const logout = async () => {
    await deps.logout();
    generation++;
    signedOut();
  };

  const refresh = async (): Promise<Me | null> => {
    try {
      await deps.refresh();
    } catch (cause) {
      if (!isSignedOutError(cause)) throw cause;
      generation++;
      signedOut();
      return null;
    }
    return reload();
  };

  const unsubscribe = deps.onSessionChange((session) => {
    if (!session) {
      generation++;
      signedOut();
      return;
    }
    // A refresh can bring a changed role or verification; a new sign-in is handled by login().
    const current = me();
    if (current && current.user.id === session.user.id) setMe({ ...current, user: session.user });
  });
  onCleanup(unsubscribe);

  const onStorage = (event: StorageEvent) => {
    if (event.key !== SESSION_HINT_KEY) return;
    if (event.newValue === null) {
      generation++;
      signedOut();
    } else if (!me()) {
      void reload();
    }
  };
  deps.events?.addEventListener("storage", onStorage);
  onCleanup(() => deps.events?.removeEventListener("storage", onStorage));

  if (deps.hint.get()) void reload();
  else setStatus("signed-out");

  return { me, status, error, login, register, logout, refresh, reload };
}
