export interface NavLink {
  href: string;
  label: string;
  /** Match the path exactly (for `/`). */
  end?: boolean;
}

export const primaryLinks: NavLink[] = [
  { href: "/", label: "Home", end: true },
  { href: "/browse", label: "Browse" },
];

export const accountLinks = {
  login: { href: "/login", label: "Log in" },
  register: { href: "/register", label: "Sign up" },
} satisfies Record<string, NavLink>;
