import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { loginSchema } from "@contracts/auth.ts";
import { createForm } from "../../lib/form.ts";
import { firstParam, safeRedirectPath } from "../../lib/redirect.ts";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { AuthCard } from "./auth-card.tsx";
import { useSession } from "./session-context.tsx";

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
      <FormShell form={form} submitLabel="Log in" pendingLabel="Logging in…">
        <TextField {...form.field("email")} label="Email" type="email" autocomplete="email" required />
        <TextField
          {...form.field("password")}
          label="Password"
          type="password"
          autocomplete="current-password"
          required
        />
      </FormShell>
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
