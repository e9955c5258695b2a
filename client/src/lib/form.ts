import { batch, createSignal, type Accessor } from "solid-js";
import { z, type ZodType } from "zod";
import { ApiError, errorMessage } from "./api/api-error.ts";

/** The `details` of the API's 400 VALIDATION_FAILED (worker/lib/validate.ts). */
const validationDetailsSchema = z.array(z.object({ path: z.string(), message: z.string() }));

export interface FormOptions<V extends Record<string, string>, T, R> {
  initial: V;
  /** The same schema the Worker validates with. */
  schema: ZodType<T>;
  /** Turns the raw input strings into what the schema expects (say, "" into undefined). */
  toInput?: (values: V) => unknown;
  submit: (data: T) => Promise<R>;
  onSuccess?: (result: R, data: T) => void;
}

export interface FormState<V extends Record<string, string>> {
  values: Accessor<V>;
  setValue: (name: keyof V & string, value: string) => void;
  /** The error to show under a field, if any. */
  error: (name: keyof V & string) => string | undefined;
  /** The message for the form's alert area: a server refusal, or a rule no single field owns. */
  formError: Accessor<string | null>;
  /** The server's error code behind formError, for pages that offer a way out (an expired link…). */
  errorCode: Accessor<string | null>;
  pending: Accessor<boolean>;
  handleSubmit: (event: SubmitEvent) => void;
  /** The wiring of one TextField: `<TextField {...form.field("email")} label="Email" />`. */
  field: (name: keyof V & string) => FieldBinding;
}

export interface FieldBinding {
  readonly name: string;
  readonly value: string;
  onInput: (value: string) => void;
  readonly error: string | undefined;
}

/**
 * Form state for one submit-and-wait form: client-side validation with the shared zod schema,
 * per-field errors (from zod or the server's VALIDATION_FAILED), and one pending flag.
 * Once a submit has been tried, fields re-validate as the user types.
 */
export function createForm<V extends Record<string, string>, T, R>(options: FormOptions<V, T, R>): FormState<V> {
  type Field = keyof V & string;
  const [values, setValues] = createSignal<V>({ ...options.initial });
  const [errors, setErrors] = createSignal<Readonly<Record<string, string>>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [errorCode, setErrorCode] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);
  let attempted = false;

  const isField = (name: string) => Object.hasOwn(options.initial, name);
  const prepare = () => (options.toInput ? options.toInput(values()) : values());

  /** Field errors for the fields; whatever matches no field becomes the form's error. */
  const applyIssues = (issues: readonly { path: string; message: string }[]) => {
    const fields: Record<string, string> = {};
    let general: string | null = null;
    for (const issue of issues) {
      if (isField(issue.path)) fields[issue.path] ??= issue.message;
      else general ??= issue.message;
    }
    batch(() => {
      setErrors(() => fields);
      setFormError(general);
      setErrorCode(null);
    });
  };

  const validate = (): { ok: true; data: T } | { ok: false } => {
    const parsed = options.schema.safeParse(prepare());
    if (parsed.success) {
      applyIssues([]);
      return { ok: true, data: parsed.data };
    }
    applyIssues(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
    return { ok: false };
  };

  const setValue = (name: Field, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    if (attempted) validate();
  };

  const showServerError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "VALIDATION_FAILED") {
      const details = validationDetailsSchema.safeParse(error.details);
      if (details.success && details.data.length > 0) {
        applyIssues(details.data);
        return;
      }
    }
    batch(() => {
      setFormError(errorMessage(error));
      setErrorCode(error instanceof ApiError ? error.code : null);
    });
  };

  const handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const form = event.currentTarget instanceof HTMLFormElement ? event.currentTarget : null;
    attempted = true;
    const result = validate();
    if (!result.ok) {
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setPending(true);
    options.submit(result.data).then(
      (response) => {
        setPending(false);
        options.onSuccess?.(response, result.data);
      },
      (error: unknown) => {
        setPending(false);
        showServerError(error);
      },
    );
  };

  const error = (name: Field) => errors()[name];

  // Getters, so a spread into JSX stays reactive.
  const field = (name: Field): FieldBinding => ({
    name,
    get value() {
      return values()[name] ?? "";
    },
    onInput: (value) => setValue(name, value),
    get error() {
      return error(name);
    },
  });

  return { values, setValue, error, formError, errorCode, pending, handleSubmit, field };
}
