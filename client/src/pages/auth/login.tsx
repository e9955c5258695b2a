import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { Show } from "solid-js";
import { loginSchema } from "@contracts/auth.ts";
import { AuthCard } from "../../components/auth/auth-card.tsx";
import { ErrorNotice } from "../../components/feedback/error-notice.tsx";
import { SubmitButton } from "../../components/forms/submit-button.tsx";
import { TextField } from "../../components/forms/text-field.tsx";
import { createForm } from "../../lib/form.ts";
import { firstParam, safeRedirectPath } from "../../lib/redirect.ts";
import { useSession } from "../../stores/session-context.tsx";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const target = () => safeRedirectPath(firstParam(params.redirect)) ?? "/dashboard";

  const form = createForm({
    initial: { email: "", password: "" },
    schema: loginSchema,
    submit: session.login,
    onSuccess: () => navigate(target(), { replace: true }),
  });

  return (
    <AuthCard title="Log in" description="Welcome back to Tollgate.">
      <form noValidate onSubmit={form.handleSubmit} class="flex flex-col gap-4">
        <Show when={form.formError()}>{(message) => <ErrorNotice message={message()} />}</Show>
        <TextField
          name="email"
          label="Email"
          type="email"
          autocomplete="email"
          required
          value={form.values().email}
          onInput={(value) => form.setValue("email", value)}
          error={form.error("email")}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          value={form.values().password}
          onInput={(value) => form.setValue("password", value)}
          error={form.error("password")}
        />
        <SubmitButton label="Log in" pendingLabel="Logging in…" pending={form.pending()} />
      </form>
      <div class="mt-6 flex flex-col gap-2 text-sm">
        <A href="/forgot-password" class={linkClass}>
          Forgot your password?
        </A>
        <p class="text-neutral-600 dark:text-neutral-400">
          New to Tollgate?{" "}
          <A href="/register" class={linkClass}>
            Create an account
          </A>
        </p>
      </div>
    </AuthCard>
  );
}
