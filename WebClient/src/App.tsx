import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { PublicQueries } from './api/PublicQueries';
import { CallbackPage, SilentCallbackPage } from './auth/CallbackPages';
import { RequireAuth } from './auth/RequireAuth';
import { NotFound } from './components/NotFound';
import { RouteLoading } from './components/RouteLoading';
import { AccessRequestPage } from './pages/accessRequest/AccessRequestPage';
import { ConfirmSupportAddressPage } from './pages/ConfirmSupportAddressPage';
import { LoginPage } from './pages/LoginPage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { ActivatePage } from './pages/sso/ActivatePage';
import { ForgotPasswordPage } from './pages/sso/ForgotPasswordPage';
import { NotMePage } from './pages/sso/NotMePage';
import { LogoutPage } from './pages/sso/LogoutPage';
import { ResetPasswordPage } from './pages/sso/ResetPasswordPage';
import { SsoLayout } from './pages/sso/SsoLayout';
import { SsoLoginPage } from './pages/sso/login/SsoLoginPage';

// Signed-in areas load on demand, each with its own query cache (dropped on sign-out).
const PortalArea = lazy(() => import('./pages/portal/PortalArea'));
// Partner staff only.
const AdminArea = lazy(() => import('./pages/admin/AdminArea'));

/** `/` when the app navigates there itself (a link, or RequireAuth without an SSO session). */
function RoutedLoginPage() {
  const { search } = useLocation();
  return <LoginPage search={search} />;
}

/** Browser routes of docs/sso-flow.md. */
export function AppRoutes() {
  return (
    <PublicQueries>
      <Routes>
        <Route path="/" element={<RoutedLoginPage />} />
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route path="/access-request" element={<AccessRequestPage />} />
        <Route path="/confirm-support-address" element={<ConfirmSupportAddressPage />} />
        <Route path="/portal/callback" element={<CallbackPage />} />
        <Route path="/portal/silent-callback" element={<SilentCallbackPage />} />
        <Route
          path="/portal/*"
          element={
            <RequireAuth>
              <Suspense fallback={<RouteLoading label="Loading the portal…" />}>
                <PortalArea />
              </Suspense>
            </RequireAuth>
          }
        />
        <Route
          path="/admin/*"
          element={
            <RequireAuth>
              <Suspense fallback={<RouteLoading label="Loading the admin area…" />}>
                <AdminArea />
              </Suspense>
            </RequireAuth>
          }
        />
        <Route path="/sso" element={<SsoLayout />}>
          <Route path="login" element={<SsoLoginPage />} />
          <Route path="activate" element={<ActivatePage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route path="not-me" element={<NotMePage />} />
          <Route path="logout" element={<LogoutPage />} />
        </Route>
        <Route
          path="*"
          element={
            <main className="page narrow">
              <NotFound />
            </main>
          }
        />
      </Routes>
    </PublicQueries>
  );
}

/** Every page but a freshly opened `/`, with the router: loaded on demand by main.tsx. */
export default function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
