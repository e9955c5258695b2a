import { Route, Router, type RouteSectionProps } from "@solidjs/router";
import { Protected, RequireRole } from "./components/auth/require-role.tsx";
import { AppShell } from "./components/layout/app-shell.tsx";
import AdminPage from "./pages/admin.tsx";
import AdminPricesPage from "./pages/admin/prices.tsx";
import AdminUserPage from "./pages/admin/user.tsx";
import AdminUsersPage from "./pages/admin/users.tsx";
import ForgotPasswordPage from "./pages/auth/forgot-password.tsx";
import LoginPage from "./pages/auth/login.tsx";
import RegisterPage from "./pages/auth/register.tsx";
import ResetPasswordPage from "./pages/auth/reset-password.tsx";
import VerifyPage from "./pages/auth/verify.tsx";
import CreatorPage from "./pages/creator.tsx";
import DashboardPage from "./pages/dashboard.tsx";
import CreditsPage from "./pages/dashboard/credits.tsx";
import WalletPage from "./pages/dashboard/wallet.tsx";
import DevCheckoutPage from "./pages/dev/checkout.tsx";
import MailboxPage from "./pages/dev/mailbox.tsx";
import HomePage from "./pages/home.tsx";
import NotFoundPage from "./pages/not-found.tsx";
import { SessionProvider } from "./stores/session-context.tsx";
import { ThemeProvider } from "./stores/theme-context.tsx";
import { WalletProvider } from "./stores/wallet-context.tsx";

// Guarded areas, mirroring the API's: everything under the path, unknown sub-paths included.
const SignedInArea = (props: RouteSectionProps) => <Protected>{props.children}</Protected>;
const CreatorArea = (props: RouteSectionProps) => <RequireRole area="creator">{props.children}</RequireRole>;
const AdminArea = (props: RouteSectionProps) => <RequireRole area="admin">{props.children}</RequireRole>;

export function App() {
  return (
    <ThemeProvider>
      <SessionProvider>
        <WalletProvider>
          <Router root={AppShell}>
            <Route path="/" component={HomePage} />
            <Route path="/login" component={LoginPage} />
            <Route path="/register" component={RegisterPage} />
            <Route path="/verify" component={VerifyPage} />
            <Route path="/forgot-password" component={ForgotPasswordPage} />
            <Route path="/reset-password" component={ResetPasswordPage} />
            <Route path="/dev/mailbox" component={MailboxPage} />
            {/* The test checkout stands in for a provider's page; the API only shows a payment to its owner. */}
            <Route path="/dev/checkout" component={SignedInArea}>
              <Route path="/:paymentId" component={DevCheckoutPage} />
              <Route path="*" component={NotFoundPage} />
            </Route>
            <Route path="/dashboard" component={SignedInArea}>
              <Route path="/" component={DashboardPage} />
              <Route path="/credits" component={CreditsPage} />
              <Route path="/wallet" component={WalletPage} />
              <Route path="*" component={NotFoundPage} />
            </Route>
            <Route path="/creator" component={CreatorArea}>
              <Route path="/" component={CreatorPage} />
              <Route path="*" component={NotFoundPage} />
            </Route>
            <Route path="/admin" component={AdminArea}>
              <Route path="/" component={AdminPage} />
              <Route path="/prices" component={AdminPricesPage} />
              <Route path="/users" component={AdminUsersPage} />
              <Route path="/users/:userId" component={AdminUserPage} />
              <Route path="*" component={NotFoundPage} />
            </Route>
            <Route path="*" component={NotFoundPage} />
          </Router>
        </WalletProvider>
      </SessionProvider>
    </ThemeProvider>
  );
}
