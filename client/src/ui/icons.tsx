import type { JSX } from "solid-js";

const base = (children: JSX.Element) => (
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
    {children}
  </svg>
);

export const SunIcon = () =>
  base(
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41" />
    </>,
  );

export const MoonIcon = () => base(<path d="M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79z" />);

export const MenuIcon = () => base(<path d="M4 6h16M4 12h16M4 18h16" />);

export const CloseIcon = () => base(<path d="M18 6 6 18M6 6l12 12" />);

export const ChevronDownIcon = () => base(<path d="m6 9 6 6 6-6" />);

export const UserIcon = () =>
  base(
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </>,
  );

export const CoinsIcon = () =>
  base(
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M18.09 10.37A6 6 0 1 1 10.34 18M7 6h1v4M16.71 13.88l.7.71-2.82 2.82" />
    </>,
  );
