/**
 * Whether this browser may hold a session. The session cookies are HttpOnly, so the client cannot
 * see them; this flag (set on sign-in, cleared on sign-out) spares visitors who never signed in a
 * guaranteed 401 from /api/me on every page load. When storage is blocked we cannot know, so we ask.
 */
export const SESSION_HINT_KEY = "tollgate-session";

export interface SessionHint {
  get: () => boolean;
  set: (present: boolean) => void;
}

export function createSessionHint(
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined,
): SessionHint {
  return {
    get: () => {
      try {
        return storage ? storage.getItem(SESSION_HINT_KEY) === "1" : true;
      } catch {
        return true; // unreadable storage: assume a session may exist and let /api/me decide
      }
    },
    set: (present) => {
      try {
        if (present) storage?.setItem(SESSION_HINT_KEY, "1");
        else storage?.removeItem(SESSION_HINT_KEY);
      } catch {
        // Not persisted: the next page load asks /api/me, which is correct, only slower.
      }
    },
  };
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined; // blocked by privacy settings
  }
}

export const sessionHint = createSessionHint(browserStorage());
