export interface SubmitButtonProps {
  label: string;
  /** Shown instead of the label while the request runs. */
  pendingLabel: string;
  pending: boolean;
}

export function SubmitButton(props: SubmitButtonProps) {
  return (
    <button
      type="submit"
      disabled={props.pending}
      class="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-70 dark:bg-indigo-500 dark:hover:bg-indigo-400"
    >
      {props.pending ? props.pendingLabel : props.label}
    </button>
  );
}
