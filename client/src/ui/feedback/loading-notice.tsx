export function LoadingNotice(props: { label: string }) {
  return (
    <p role="status" class="flex items-center gap-2 text-sm text-neutral-500 dark:text-neutral-400">
      <span
        class="size-4 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
        aria-hidden="true"
      />
      {props.label}
    </p>
  );
}
