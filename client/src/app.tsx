import { Meta, MetaProvider, Title } from "@solidjs/meta";
import { Route, Router, type RouteSectionProps } from "@solidjs/router";
import { lazy } from "solid-js";
import { Protected, RequireRole } from "./features/auth/require-role.tsx";
import { SessionProvider } from "./features/auth/session-context.tsx";
import { WalletProvider } from "./features/wallet/wallet-context.tsx";
import { AppShell } from "./shell/app-shell.tsx";
import { ThemeProvider } from "./ui/theme/theme-context.tsx";

// Every page is its own chunk, fetched when its route first matches (or a link to it is hovered),
// so a visitor downloads only the pages they open. A chunk that fails to load throws into the
// shell's route error boundary like any other render error.
const HomePage = lazy(() => import("./features/home/home-page.tsx"));
const LoginPage = lazy(() => import("./features/auth/login-page.tsx"));
const RegisterPage = lazy(() => import("./features/auth/register-page.tsx"));
const VerifyPage = lazy(() => import("./features/auth/verify-page.tsx"));
const ForgotPasswordPage = lazy(() => import("./features/auth/forgot-password-page.tsx"));
const ResetPasswordPage = lazy(() => import("./features/auth/reset-password-page.tsx"));
const MailboxPage = lazy(() => import("./features/dev/mailbox-page.tsx"));
const DevCheckoutPage = lazy(() => import("./features/payments/dev-checkout-page.tsx"));
const DashboardPage = lazy(() => import("./features/dashboard/dashboard-page.tsx"));
const CreditsPage = lazy(() => import("./features/payments/credits-page.tsx"));
const WalletPage = lazy(() => import("./features/wallet/wallet-page.tsx"));
const CreatorPage = lazy(() => import("./features/creator/creator-page.tsx"));
const StreamReportPage = lazy(() => import("./features/creator/stream-report-page.tsx"));
const CreatorSettingsPage = lazy(() => import("./features/creator/settings-page.tsx"));
// The pages that load livekit-client (studio, go-live wizard, watch); nothing else may import it.
const CreatorDashboardPage = lazy(() => import("./features/creator/dashboard-page.tsx"));
const CreatorAnalyticsPage = lazy(() => import("./features/creator/analytics-page.tsx"));
const CreatorStreamsPage = lazy(() => import("./features/creator/streams-page.tsx"));
const CreatorStreamPage = lazy(() => import("./features/streams/creator-stream-page.tsx"));
const GoLivePage = lazy(() => import("./features/streams/go-live-page.tsx"));
const WatchPage = lazy(() => import("./features/streams/watch-page.tsx"));
const BrowsePage = lazy(() => import("./features/streams/browse-page.tsx"));
const CreatorProfilePage = lazy(() => import("./features/creators/creator-profile-page.tsx"));
const FollowingPage = lazy(() => import("./features/follows/following-page.tsx"));
const NotificationsPage = lazy(() => import("./features/notifications/notifications-page.tsx"));
const NotificationSettingsPage = lazy(() => import("./features/notifications/notification-settings-page.tsx"));
const UnsubscribePage = lazy(() => import("./features/notifications/unsubscribe-page.tsx"));
const AdminLayout = lazy(() => import("./features/admin/admin-layout.tsx"));
const AdminPage = lazy(() => import("./features/admin/admin-page.tsx"));
const AuditLogPage = lazy(() => import("./features/admin/audit-log-page.tsx"));
const AdminPricesPage = lazy(() => import("./features/prices/admin-prices-page.tsx"));
const AdminUsersPage = lazy(() => import("./features/users/admin-users-page.tsx"));
const AdminUserPage = lazy(() => import("./features/users/admin-user-page.tsx"));
const ModerationQueuePage = lazy(() => import("./features/moderation/queue-page.tsx"));
const ModerationReviewPage = lazy(() => import("./features/moderation/review-page.tsx"));
const ModerationBansPage = lazy(() => import("./features/moderation/bans-page.tsx"));
const ModerationAppealsPage = lazy(() => import("./features/moderation/appeals-page.tsx"));
const AutoModPage = lazy(() => import("./features/moderation/auto-mod-page.tsx"));
const AppealPage = lazy(() => import("./features/moderation/appeal-page.tsx"));
const AdminStreamsPage = lazy(() => import("./features/admin/admin-streams-page.tsx"));
const AdminStreamPage = lazy(() => import("./features/admin/admin-stream-page.tsx"));
const AdminPaymentsPage = lazy(() => import("./features/admin/admin-payments-page.tsx"));
const AdminAnalyticsPage = lazy(() => import("./features/admin/admin-analytics-page.tsx"));
const NotFoundPage = lazy(() => import("./shell/not-found-page.tsx"));

// Guarded areas, mirroring the API's: everything under the path, unknown sub-paths included.
const SignedInArea = (props: RouteSectionProps) => <Protected>{props.children}</Protected>;
const CreatorArea = (props: RouteSectionProps) => <RequireRole area="creator">{props.children}</RequireRole>;
// The console's frame opens to moderators too (they see only Moderation); every other admin page
// sits in the ADMIN-only group inside it.
const AdminConsole = (props: RouteSectionProps) => (
  <RequireRole area="moderation">
    <AdminLayout>{props.children}</AdminLayout>
  </RequireRole>
);
const AdminArea = (props: RouteSectionProps) => <RequireRole area="admin">{props.children}</RequireRole>;
const ModerationArea = (props: RouteSectionProps) => <RequireRole area="moderation">{props.children}</RequireRole>;

export function App() {
  return (
    <MetaProvider>
      {/* The defaults; a page's own PageMeta replaces them while it is shown. */}
      <Title>Tollgate</Title>
      <Meta name="description" content="Tollgate — paid live video, every credit accounted for." />
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
              {/* Public: the link in every email works without signing in. */}
              <Route path="/unsubscribe" component={UnsubscribePage} />
              {/* Public: guests see the stream and a sign-in prompt; watching needs an account. */}
              <Route path="/watch/:streamId" component={WatchPage} />
              <Route path="/browse" component={BrowsePage} />
              {/* Public; the creator's own pages below (/creator/stream…) are more specific and win. */}
              <Route path="/creator/:creatorId" component={CreatorProfilePage} />
              {/* The test checkout stands in for a provider's page; the API only shows a payment to its owner. */}
              <Route path="/dev/checkout" component={SignedInArea}>
                <Route path="/:paymentId" component={DevCheckoutPage} />
                <Route path="*" component={NotFoundPage} />
              </Route>
              {/* A banned user can still sign in and reach this (a ban blocks chat and watching only). */}
              <Route path="/appeal" component={SignedInArea}>
                <Route path="/" component={AppealPage} />
              </Route>
              <Route path="/dashboard" component={SignedInArea}>
                <Route path="/" component={DashboardPage} />
                <Route path="/credits" component={CreditsPage} />
                <Route path="/wallet" component={WalletPage} />
                <Route path="/following" component={FollowingPage} />
                <Route path="/notifications" component={NotificationsPage} />
                <Route path="/settings/notifications" component={NotificationSettingsPage} />
                <Route path="*" component={NotFoundPage} />
              </Route>
              <Route path="/creator" component={CreatorArea}>
                <Route path="/" component={CreatorPage} />
                <Route path="/stream" component={CreatorStreamPage} />
                <Route path="/go-live" component={GoLivePage} />
                <Route path="/settings" component={CreatorSettingsPage} />
                <Route path="/dashboard" component={CreatorDashboardPage} />
                <Route path="/analytics" component={CreatorAnalyticsPage} />
                <Route path="/streams" component={CreatorStreamsPage} />
                <Route path="/stream/:streamId/analytics" component={StreamReportPage} />
                <Route path="*" component={NotFoundPage} />
              </Route>
              <Route path="/admin" component={AdminConsole}>
                {/* MODERATOR and ADMIN: the moderation pages go here. */}
                <Route path="/moderation" component={ModerationArea}>
                  <Route path="/" component={ModerationQueuePage} />
                  <Route path="/bans" component={ModerationBansPage} />
                  <Route path="/appeals" component={ModerationAppealsPage} />
                  <Route path="/auto-mod" component={AutoModPage} />
                  <Route path="/:reportId" component={ModerationReviewPage} />
                  <Route path="*" component={NotFoundPage} />
                </Route>
                {/* ADMIN only: every other admin page goes here. */}
                <Route path="/" component={AdminArea}>
                  <Route path="/" component={AdminPage} />
                  <Route path="/prices" component={AdminPricesPage} />
                  <Route path="/users" component={AdminUsersPage} />
                  <Route path="/users/:userId" component={AdminUserPage} />
                  <Route path="/audit-log" component={AuditLogPage} />
                  <Route path="/streams" component={AdminStreamsPage} />
                  <Route path="/streams/:id" component={AdminStreamPage} />
                  <Route path="/payments" component={AdminPaymentsPage} />
                  <Route path="/analytics" component={AdminAnalyticsPage} />
                  <Route path="*" component={NotFoundPage} />
                </Route>
              </Route>
              <Route path="*" component={NotFoundPage} />
            </Router>
          </WalletProvider>
        </SessionProvider>
      </ThemeProvider>
    </MetaProvider>
  );
}
