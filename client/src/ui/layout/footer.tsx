export function Footer() {
  const year = new Date().getFullYear();
  return (
    <footer class="border-t border-neutral-200 print:hidden dark:border-neutral-800">
      <div class="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-neutral-500 sm:flex-row sm:justify-between sm:px-6 dark:text-neutral-400">
        <p>© {year} Tollgate</p>
        <p>Paid live video, every credit accounted for.</p>
      </div>
    </footer>
  );
}
