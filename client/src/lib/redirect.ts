const PLACEHOLDER_ORIGIN = "https://tollgate.invalid";

/**
 * The `?redirect=` target after login, if it is a path on this site. Anything that could leave the
 * site (`//evil.test`, `/\evil.test`, `https://…`, `javascript:`) gives null.
 */
export function safeRedirectPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where a guard sends a signed-out visitor: the login page, coming back here afterwards. */
export function loginPath(returnTo: string): string {
  return `/login?${new URLSearchParams({ redirect: returnTo }).toString()}`;
}

/** Router search params can repeat (`?a=1&a=2`); pages want the first value. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
